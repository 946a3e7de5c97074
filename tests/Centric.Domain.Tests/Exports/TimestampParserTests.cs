using System.Globalization;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using FsCheck.Xunit;

namespace Centric.Domain.Tests.Exports;

public class TimestampParserTests
{
    [Theory]
    [InlineData("2026-10-03", DateOrder.Auto, "2026-10-03T00:00:00", null, true)]
    [InlineData("2026-10-03T14:05", DateOrder.Auto, "2026-10-03T14:05:00", null, false)]
    [InlineData("2026-10-03 14:05:09.250", DateOrder.Auto, "2026-10-03T14:05:09.25", null, false)]
    [InlineData("2026-10-03T14:05:00Z", DateOrder.Auto, "2026-10-03T14:05:00", 0, false)]
    [InlineData("2026-10-03T14:05:00+02:00", DateOrder.Auto, "2026-10-03T14:05:00", 120, false)]
    [InlineData("2026-10-03T14:05:00-0530", DateOrder.Auto, "2026-10-03T14:05:00", -330, false)]
    [InlineData("2026/10/03", DateOrder.Auto, "2026-10-03T00:00:00", null, true)]
    [InlineData("20261003", DateOrder.Auto, "2026-10-03T00:00:00", null, true)]
    [InlineData("25/12/2026", DateOrder.Auto, "2026-12-25T00:00:00", null, true)]
    [InlineData("12/25/2026 8:30", DateOrder.Auto, "2026-12-25T08:30:00", null, false)]
    [InlineData("03/04/2026", DateOrder.Dmy, "2026-04-03T00:00:00", null, true)]
    [InlineData("03/04/2026", DateOrder.Mdy, "2026-03-04T00:00:00", null, true)]
    [InlineData("03-04-2026 10:00:00", DateOrder.Dmy, "2026-04-03T10:00:00", null, false)]
    [InlineData("3.4.2026", DateOrder.Dmy, "2026-04-03T00:00:00", null, true)]
    [InlineData("05/05/2026", DateOrder.Auto, "2026-05-05T00:00:00", null, true)]
    public void TryParse_SupportedForms_ReadClockOffsetAndDateOnly(
        string text, DateOrder order, string clock, int? offsetMinutes, bool dateOnly)
    {
        Assert.True(TimestampParser.TryParse(text, order, out var value));
        Assert.Equal(DateTime.Parse(clock, CultureInfo.InvariantCulture), value.Clock);
        Assert.Equal(offsetMinutes is { } m ? TimeSpan.FromMinutes(m) : null, value.Offset);
        Assert.Equal(dateOnly, value.IsDateOnly);
    }

    [Theory]
    [InlineData("03/04/2026", DateOrder.Auto)]
    [InlineData("31/02/2026", DateOrder.Dmy)]
    [InlineData("2026-13-01", DateOrder.Auto)]
    [InlineData("2026-10-03T25:00", DateOrder.Auto)]
    [InlineData("25/12/2026", DateOrder.Mdy)]
    [InlineData("yesterday", DateOrder.Auto)]
    [InlineData("2026-10-03 lunch", DateOrder.Auto)]
    [InlineData("3/4/26", DateOrder.Dmy)]
    [InlineData("", DateOrder.Auto)]
    public void TryParse_InvalidOrAmbiguousWithoutAnOrder_IsNotADate(string text, DateOrder order) =>
        Assert.False(TimestampParser.TryParse(text, order, out _));

    [Theory]
    [InlineData("25/03/2026", DayMonthEvidence.DayFirst)]
    [InlineData("03/25/2026", DayMonthEvidence.MonthFirst)]
    [InlineData("03/04/2026", DayMonthEvidence.Ambiguous)]
    [InlineData("04/04/2026", DayMonthEvidence.None)]
    [InlineData("2026-03-25", DayMonthEvidence.None)]
    public void Inspect_DayMonthDates_TellTheOrderWhenAFieldIsAbove12(string text, DayMonthEvidence expected) =>
        Assert.Equal(expected, TimestampParser.Inspect(text));

    [Property(MaxTest = 500)]
    public bool TryParse_AnyDateTimeInAnySupportedForm_ParsesBackToItself(int days, int seconds, byte form)
    {
        var value = new DateTime(1990, 1, 1).AddDays(Math.Abs(days % 20_000)).AddSeconds(Math.Abs(seconds % 86_400));
        var (text, order) = (form % 5) switch
        {
            0 => (value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), DateOrder.Auto),
            1 => (value.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture), DateOrder.Dmy),
            2 => (value.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture), DateOrder.Mdy),
            3 => (value.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture), DateOrder.Dmy),
            _ => (value.ToString("yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture), DateOrder.Mdy),
        };
        return TimestampParser.TryParse(text, order, out var parsed) && parsed.Clock == value && parsed.Offset is null;
    }
}
