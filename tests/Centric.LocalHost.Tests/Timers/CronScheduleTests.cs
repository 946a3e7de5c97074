using Centric.LocalHost.Timers;

namespace Centric.LocalHost.Tests.Timers;

public class CronScheduleTests
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("*/30 * * * * *", "2026-11-24T10:00:00Z", "2026-11-24T10:00:30Z")]
    [InlineData("*/30 * * * * *", "2026-11-24T10:00:29.9Z", "2026-11-24T10:00:30Z")]
    [InlineData("*/30 * * * * *", "2026-11-24T10:00:30Z", "2026-11-24T10:01:00Z")]
    [InlineData("0 */5 * * * *", "2026-11-24T10:02:13Z", "2026-11-24T10:05:00Z")]
    [InlineData("0 */5 * * * *", "2026-11-24T10:55:00Z", "2026-11-24T11:00:00Z")]
    [InlineData("0 0 2 * * *", "2026-11-24T01:59:59Z", "2026-11-24T02:00:00Z")]
    [InlineData("0 0 2 * * *", "2026-11-24T02:00:00Z", "2026-11-25T02:00:00Z")]
    [InlineData("0 0 2 * * *", "2026-12-31T03:00:00Z", "2027-01-01T02:00:00Z")]
    [InlineData("0 30 9 * * 1-5", "2026-11-27T10:00:00Z", "2026-11-30T09:30:00Z")]
    [InlineData("0 0 0 29 2 *", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("5,10,15 0 0 * * *", "2026-11-24T00:00:10Z", "2026-11-24T00:00:15Z")]
    [InlineData("0 10-20/5 * * * *", "2026-11-24T10:16:00Z", "2026-11-24T10:20:00Z")]
    [InlineData("0 10-20/5 * * * *", "2026-11-24T10:20:00Z", "2026-11-24T11:10:00Z")]
    [InlineData("15/20 * * * * *", "2026-11-24T10:00:36Z", "2026-11-24T10:00:55Z")]
    [InlineData("0 0 12 * * 0", "2026-11-24T00:00:00Z", "2026-11-29T12:00:00Z")]
    [InlineData("0 0 12 * * 7", "2026-11-24T00:00:00Z", "2026-11-29T12:00:00Z")]
    [InlineData("0 0 0 1 1,7 *", "2026-02-01T00:00:00Z", "2026-07-01T00:00:00Z")]
    public void NextAfter_GivesTheFirstMatchingSecondStrictlyAfter(string expression, string after, string expected)
    {
        var schedule = CronSchedule.Parse(expression);

        Assert.Equal(At(expected), schedule.NextAfter(At(after)));
    }

    [Fact]
    public void NextAfter_EveryThirtySeconds_StepsThroughAMinute()
    {
        var schedule = CronSchedule.Parse("*/30 * * * * *");
        var times = new List<DateTimeOffset>();
        var t = At("2026-11-24T23:59:00Z");
        for (var i = 0; i < 4; i++)
        {
            t = schedule.NextAfter(t)!.Value;
            times.Add(t);
        }

        Assert.Equal(
            [At("2026-11-24T23:59:30Z"), At("2026-11-25T00:00:00Z"), At("2026-11-25T00:00:30Z"), At("2026-11-25T00:01:00Z")],
            times);
    }

    [Fact]
    public void NextAfter_ANonUtcOffset_IsReadAsTheSameInstantInUtc()
    {
        var schedule = CronSchedule.Parse("0 0 2 * * *");

        Assert.Equal(At("2026-11-25T02:00:00Z"), schedule.NextAfter(At("2026-11-24T04:00:00+01:00")));
    }

    [Fact]
    public void NextAfter_ADayThatNeverComes_IsNull()
    {
        Assert.Null(CronSchedule.Parse("0 0 0 30 2 *").NextAfter(At("2026-01-01T00:00:00Z")));
    }

    [Theory]
    [InlineData("* * * * *", "5 fields")]
    [InlineData("0 0 0 * * * *", "7 fields")]
    [InlineData("", "0 fields")]
    [InlineData("60 * * * * *", "second field '60': 60 is outside 0-59")]
    [InlineData("0 0 24 * * *", "hour field '24': 24 is outside 0-23")]
    [InlineData("0 0 0 0 * *", "day field '0': 0 is outside 1-31")]
    [InlineData("0 0 0 * 13 *", "month field '13': 13 is outside 1-12")]
    [InlineData("0 0 0 * * 8", "day-of-week field '8': 8 is outside 0-7")]
    [InlineData("*/0 * * * * *", "step '0' is not a positive whole number")]
    [InlineData("0 20-10 * * * *", "range 20-10 runs backwards")]
    [InlineData("0 0 0 * JAN *", "'JAN' is not a number")]
    [InlineData("%ScanExportsSchedule% * * * * *", "second field")]
    public void Parse_InvalidExpression_SaysWhatIsWrong(string expression, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
