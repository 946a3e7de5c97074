using Centric.Domain.Activity;
using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Orders;

/// <summary>
/// Per currency, segment and day, the amounts that could not be converted, with prefix sums so any window's count and
/// first day are cheap; gives the warning of a money metric over a window, or null when every amount converted.
/// </summary>
internal sealed class UnconvertedSeries
{
    private readonly int _firstDay;
    private readonly int _days;
    private readonly string _reportingCurrency;
    private readonly string[] _currencies;
    private readonly long[][][] _prefix;

    public UnconvertedSeries(IReadOnlyList<UnconvertedAmounts> amounts, SegmentIndex segments, int firstDay, int asOf, string reportingCurrency)
    {
        _firstDay = firstDay;
        _days = asOf - firstDay + 1;
        _reportingCurrency = reportingCurrency;
        var inRange = amounts.Where(a => a.Day.DayNumber >= firstDay && a.Day.DayNumber <= asOf).ToArray();
        _currencies = [.. inRange.Select(a => a.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _prefix = new long[_currencies.Length][][];
        for (var k = 0; k < _currencies.Length; k++)
        {
            var counts = new long[segments.Count][];
            for (var b = 0; b < segments.Count; b++)
            {
                counts[b] = new long[_days + 1];
            }

            foreach (var amount in inRange.Where(a => a.Currency == _currencies[k]))
            {
                foreach (var b in segments.BinsOf(amount.Customer))
                {
                    counts[b][amount.Day.DayNumber - firstDay + 1] += amount.Count;
                }
            }

            foreach (var prefix in counts)
            {
                for (var i = 1; i <= _days; i++)
                {
                    prefix[i] += prefix[i - 1];
                }
            }

            _prefix[k] = counts;
        }
    }

    /// <summary>The warning for the days [from, to) of segment <paramref name="bin"/>; null when nothing is unconverted.</summary>
    public string? WarningIn(int bin, int from, int to)
    {
        if (_currencies.Length == 0)
        {
            return null;
        }

        int lo = Clamp(from), hi = Clamp(to);
        var parts = new List<string>();
        for (var k = 0; k < _currencies.Length; k++)
        {
            var prefix = _prefix[k][bin];
            var count = prefix[hi] - prefix[lo];
            if (count == 0)
            {
                continue;
            }

            // The first day i in [lo, hi) with prefix[i + 1] > prefix[lo]: prefix sums never decrease.
            int a = lo, b = hi - 1;
            while (a < b)
            {
                var mid = (a + b) / 2;
                if (prefix[mid + 1] > prefix[lo])
                {
                    b = mid;
                }
                else
                {
                    a = mid + 1;
                }
            }

            parts.Add(ConversionWarnings.Part(_currencies[k], count, DateOnly.FromDayNumber(_firstDay + a), _reportingCurrency));
        }

        return ConversionWarnings.Join(parts, _reportingCurrency);
    }

    private int Clamp(int day) => Math.Clamp(day - _firstDay, 0, _days);
}
