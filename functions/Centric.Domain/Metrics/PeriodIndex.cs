using Centric.Domain.Time;

namespace Centric.Domain.Metrics;

/// <summary>
/// The periods of one grain from the data's first day to the as-of date, with day-number look-ups and the
/// trailing-12-month window that ends with each period.
/// </summary>
internal sealed class PeriodIndex
{
    private readonly int[] _starts;

    public PeriodIndex(PeriodCalendar calendar, Grain grain, DateOnly firstDay, DateOnly asOf)
    {
        Periods = calendar.PeriodsBetween(grain, firstDay, asOf);
        _starts = [.. Periods.Select(p => p.Start.DayNumber)];
        TrailingStarts = [.. Periods.Select(p => p.End.AddMonths(-12).DayNumber)];
    }

    public IReadOnlyList<Period> Periods { get; }

    public int Count => Periods.Count;

    /// <summary>First day of the trailing 12 months [e − 12 months, e) of each period.</summary>
    public int[] TrailingStarts { get; }

    public int Start(int p) => _starts[p];

    public int End(int p) => Periods[p].End.DayNumber;

    /// <summary>The period holding the day, or −1 before the first period; days after the last map to the last.</summary>
    public int IndexOf(int day)
    {
        var i = Array.BinarySearch(_starts, day);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The periods whose trailing 12 months contain the day: [IndexOf(day), last p with trailing start ≤ day].</summary>
    public (int First, int Last) TrailingRangeOf(int day)
    {
        var first = IndexOf(day);
        var i = Array.BinarySearch(TrailingStarts, day);
        var last = i >= 0 ? i : ~i - 1;
        while (last + 1 < TrailingStarts.Length && TrailingStarts[last + 1] <= day)
        {
            last++;
        }

        return (first, last);
    }
}
