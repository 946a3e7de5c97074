using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Orders;

/// <summary>
/// Per segment and per day from the first data day to the as-of date: active customers, revenue and valid orders,
/// with prefix sums so any window's total or mean is O(1).
/// </summary>
internal sealed class DailySeries
{
    private readonly int _firstDay;
    private readonly int _days;
    private readonly int[][] _active;
    private readonly long[][] _activePrefix;
    private readonly decimal[][] _revenuePrefix;
    private readonly long[][] _ordersPrefix;

    public DailySeries(IReadOnlyList<CustomerHistory> histories, SegmentIndex segments, int firstDay, int asOf)
    {
        _firstDay = firstDay;
        _days = asOf - firstDay + 1;
        var bins = segments.Count;
        _active = new int[bins][];
        _activePrefix = new long[bins][];
        _revenuePrefix = new decimal[bins][];
        _ordersPrefix = new long[bins][];
        var revenue = new decimal[bins][];
        var orders = new long[bins][];
        for (var b = 0; b < bins; b++)
        {
            _active[b] = new int[_days + 1];
            revenue[b] = new decimal[_days];
            orders[b] = new long[_days];
        }

        foreach (var history in histories)
        {
            var customerBins = segments.BinsOf(history.Customer);
            foreach (var spell in history.Spells)
            {
                var from = Math.Max(spell.Start, firstDay) - firstDay;
                var to = Math.Min(spell.End, asOf + 1) - firstDay;
                foreach (var b in customerBins)
                {
                    _active[b][from]++;
                    _active[b][to]--;
                }
            }

            var days = history.Days;
            for (var row = history.FirstRow; row < history.EndRow; row++)
            {
                var i = days.DayAt(row) - firstDay;
                var amount = days.ValidAmountAt(row) + days.CreditsAt(row);
                var validOrders = days.ValidOrdersAt(row);
                foreach (var b in customerBins)
                {
                    revenue[b][i] += amount;
                    orders[b][i] += validOrders;
                }
            }
        }

        for (var b = 0; b < bins; b++)
        {
            _activePrefix[b] = new long[_days + 1];
            _revenuePrefix[b] = new decimal[_days + 1];
            _ordersPrefix[b] = new long[_days + 1];
            var running = 0;
            for (var i = 0; i < _days; i++)
            {
                running += _active[b][i];
                _active[b][i] = running;
                _activePrefix[b][i + 1] = _activePrefix[b][i] + running;
                _revenuePrefix[b][i + 1] = _revenuePrefix[b][i] + revenue[b][i];
                _ordersPrefix[b][i + 1] = _ordersPrefix[b][i] + orders[b][i];
            }
        }
    }

    /// <summary>active(d); zero before the first data day.</summary>
    public int ActiveOn(int bin, int day)
    {
        var i = day - _firstDay;
        return i < 0 ? 0 : _active[bin][Math.Min(i, _days - 1)];
    }

    /// <summary>Sum of active(d) over [from, to); days before the data count as zero.</summary>
    public long ActiveDaysIn(int bin, int from, int to) => Sum(_activePrefix[bin], from, to);

    public decimal RevenueIn(int bin, int from, int to) => Sum(_revenuePrefix[bin], from, to);

    public long OrdersIn(int bin, int from, int to) => Sum(_ordersPrefix[bin], from, to);

    private long Sum(long[] prefix, int from, int to) => prefix[Clamp(to)] - prefix[Clamp(from)];

    private decimal Sum(decimal[] prefix, int from, int to) => prefix[Clamp(to)] - prefix[Clamp(from)];

    private int Clamp(int day) => Math.Clamp(day - _firstDay, 0, _days);
}
