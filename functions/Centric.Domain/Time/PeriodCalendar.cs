using System.Globalization;

namespace Centric.Domain.Time;

/// <summary>
/// Cuts the calendar into periods. Quarters and years follow the fiscal year when it does not start in January.
/// </summary>
public sealed class PeriodCalendar
{
    private readonly int _fiscalStartMonth;

    public PeriodCalendar(int fiscalYearStartMonth = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fiscalYearStartMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fiscalYearStartMonth, 12);
        _fiscalStartMonth = fiscalYearStartMonth;
    }

    /// <summary>The period of the given grain that contains <paramref name="day"/>.</summary>
    public Period PeriodOf(Grain grain, DateOnly day)
    {
        var absoluteMonth = (day.Year * 12) + day.Month - 1;
        var length = MonthsIn(grain);
        var shift = grain == Grain.Month ? 0 : _fiscalStartMonth - 1;
        var startMonth = (FloorDiv(absoluteMonth - shift, length) * length) + shift;
        var start = new DateOnly(startMonth / 12, (startMonth % 12) + 1, 1);
        var end = start.AddMonths(length);
        return new Period(grain, start, end, LabelOf(grain, start, end));
    }

    /// <summary>Every period of the grain from the one holding <paramref name="first"/> to the one holding <paramref name="last"/>.</summary>
    public IReadOnlyList<Period> PeriodsBetween(Grain grain, DateOnly first, DateOnly last)
    {
        var periods = new List<Period>();
        if (last < first)
        {
            return periods;
        }

        for (var period = PeriodOf(grain, first); period.Start <= last; period = PeriodOf(grain, period.End))
        {
            periods.Add(period);
        }

        return periods;
    }

    private static int MonthsIn(Grain grain) => grain switch
    {
        Grain.Month => 1,
        Grain.Quarter => 3,
        Grain.Year => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, null),
    };

    private static int FloorDiv(int a, int b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    private string LabelOf(Grain grain, DateOnly start, DateOnly end)
    {
        var fiscal = _fiscalStartMonth != 1;
        var fiscalYear = end.AddDays(-1).Year;
        switch (grain)
        {
            case Grain.Month:
                return start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            case Grain.Quarter:
                if (!fiscal)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{start.Year}-Q{((start.Month - 1) / 3) + 1}");
                }

                var monthsIntoYear = ((start.Month - _fiscalStartMonth) + 12) % 12;
                return string.Create(CultureInfo.InvariantCulture, $"FY{FiscalYearOfQuarter(start)}-Q{(monthsIntoYear / 3) + 1}");
            case Grain.Year:
                return fiscal
                    ? string.Create(CultureInfo.InvariantCulture, $"FY{fiscalYear}")
                    : start.Year.ToString(CultureInfo.InvariantCulture);
            default:
                throw new ArgumentOutOfRangeException(nameof(grain), grain, null);
        }
    }

    private int FiscalYearOfQuarter(DateOnly quarterStart) =>
        PeriodOf(Grain.Year, quarterStart).End.AddDays(-1).Year;
}
