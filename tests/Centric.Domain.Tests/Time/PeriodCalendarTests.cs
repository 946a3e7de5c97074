using Centric.Domain.Time;

namespace Centric.Domain.Tests.Time;

public class PeriodCalendarTests
{
    [Fact]
    public void Month_ContainsDay_IsTheCalendarMonth()
    {
        var period = new PeriodCalendar().PeriodOf(Grain.Month, new DateOnly(2026, 2, 14));

        Assert.Equal(new DateOnly(2026, 2, 1), period.Start);
        Assert.Equal(new DateOnly(2026, 3, 1), period.End);
        Assert.Equal("2026-02", period.Label);
    }

    [Theory]
    [InlineData(1, "2026-08-15", "2026-07-01", "2026-10-01", "2026-Q3")]
    [InlineData(4, "2026-08-15", "2026-07-01", "2026-10-01", "FY2027-Q2")]
    [InlineData(4, "2026-02-15", "2026-01-01", "2026-04-01", "FY2026-Q4")]
    public void Quarter_FollowsTheFiscalYear(int fiscalStart, string day, string start, string end, string label)
    {
        var period = new PeriodCalendar(fiscalStart).PeriodOf(Grain.Quarter, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(label, period.Label);
    }

    [Fact]
    public void Year_WithFiscalStartInApril_IsNamedByTheYearItEndsIn()
    {
        var period = new PeriodCalendar(4).PeriodOf(Grain.Year, new DateOnly(2026, 3, 31));

        Assert.Equal(new DateOnly(2025, 4, 1), period.Start);
        Assert.Equal(new DateOnly(2026, 4, 1), period.End);
        Assert.Equal("FY2026", period.Label);
    }

    [Fact]
    public void PeriodsBetween_CoversFirstToLastDayContiguously()
    {
        var periods = new PeriodCalendar().PeriodsBetween(Grain.Month, new DateOnly(2025, 11, 20), new DateOnly(2026, 2, 3));

        Assert.Equal(["2025-11", "2025-12", "2026-01", "2026-02"], periods.Select(p => p.Label));
        Assert.All(periods.Zip(periods.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
    }

    [Theory]
    [InlineData("2026-03-15", "2026-03-15")]
    [InlineData("2026-03-31", "2026-03-31")]
    [InlineData("2026-04-01", "2026-03-31")]
    [InlineData("2027-01-01", "2026-03-31")]
    public void LastDayBy_IsTheAsOfDateForThePartialPeriod_ElseTheLastDay(string asOf, string expected)
    {
        var march = new Period(Grain.Month, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), "2026-03");

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), march.LastDayBy(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
