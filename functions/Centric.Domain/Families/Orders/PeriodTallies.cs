using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Orders;

/// <summary>
/// Distinct-customer counts per period and segment for one grain. Each customer adds to every segment it is in;
/// "once per period" is kept by remembering the last period a customer was counted in. Given <c>listed</c>, every
/// customer counted in new, reactivated or churned customers is also handed to it with the day that counted it, and
/// every customer active on a period's last day e − 1 (the as-of date for the partial period) with that day: the
/// lists come from the same pass as the counts.
/// </summary>
internal sealed class PeriodTallies
{
    public PeriodTallies(IReadOnlyList<CustomerHistory> histories, SegmentIndex segments, PeriodIndex periods, int asOf, CountListed? listed = null)
    {
        int[][] New() => [.. Enumerable.Range(0, periods.Count).Select(_ => new int[segments.Count])];
        NewCustomers = New();
        Reactivated = New();
        Churned = New();
        ChurnedFromStart = New();
        Buyers = New();
        RepeatBuyers = New();
        Retained = New();
        Population = New();
        TrailingBuyers = New();
        TrailingChurned = New();

        foreach (var h in histories)
        {
            var bins = segments.BinsOf(h.Customer);
            var lastReactivated = -1;
            var lastChurned = -1;
            var lastTrailingChurned = -1;
            var lastPopulation = -1;
            for (var k = 0; k < h.Spells.Length; k++)
            {
                var spell = h.Spells[k];
                var p = periods.IndexOf(spell.Start);
                if (k == 0)
                {
                    Add(NewCustomers, p, bins);
                    List(listed, OrdersFamily.NewCustomers, p, h.Customer, spell.Start);
                }
                else if (p != lastReactivated)
                {
                    Add(Reactivated, p, bins);
                    List(listed, OrdersFamily.ReactivatedCustomers, p, h.Customer, spell.Start);
                    lastReactivated = p;
                }

                var lastActive = periods.IndexOf(Math.Min(spell.End - 1, asOf));
                for (var q = Math.Max(p, lastPopulation + 1); q <= lastActive; q++)
                {
                    Add(Population, q, bins);
                }

                lastPopulation = Math.Max(lastPopulation, lastActive);
                if (listed is not null)
                {
                    ListActive(listed, h.Customer, spell, periods, p, lastActive, asOf);
                }

                CountRetained(h, spell, periods, asOf, bins);

                if (spell.End > asOf)
                {
                    continue;
                }

                var churnPeriod = periods.IndexOf(spell.End);
                if (churnPeriod != lastChurned)
                {
                    Add(Churned, churnPeriod, bins);
                    List(listed, OrdersFamily.ChurnedCustomers, churnPeriod, h.Customer, spell.End);
                    lastChurned = churnPeriod;
                }

                if (spell.Start < periods.Start(churnPeriod))
                {
                    Add(ChurnedFromStart, churnPeriod, bins);
                }

                lastTrailingChurned = MarkTrailing(TrailingChurned, periods, spell.End, lastTrailingChurned, bins);
            }

            var lastBuyer = -1;
            var lastTrailingBuyer = -1;
            foreach (var day in h.PurchaseDays)
            {
                var p = periods.IndexOf(day);
                if (p != lastBuyer)
                {
                    Add(Buyers, p, bins);
                    if (h.FirstPurchase < periods.Start(p))
                    {
                        Add(RepeatBuyers, p, bins);
                    }

                    lastBuyer = p;
                }

                lastTrailingBuyer = MarkTrailing(TrailingBuyers, periods, day, lastTrailingBuyer, bins);
            }
        }
    }

    public int[][] NewCustomers { get; }

    public int[][] Reactivated { get; }

    public int[][] Churned { get; }

    /// <summary>Churned in P among customers active on s − 1 (the <c>start</c> preset's numerator).</summary>
    public int[][] ChurnedFromStart { get; }

    public int[][] Buyers { get; }

    /// <summary>Buyers in P whose first purchase day is before s.</summary>
    public int[][] RepeatBuyers { get; }

    /// <summary>Customers active on both s − 1 and e − 1.</summary>
    public int[][] Retained { get; }

    /// <summary>Customers active on at least one day of P (the segment's sample size).</summary>
    public int[][] Population { get; }

    public int[][] TrailingBuyers { get; }

    public int[][] TrailingChurned { get; }

    private static void Add(int[][] tally, int p, int[] bins)
    {
        if (p < 0)
        {
            return;
        }

        foreach (var b in bins)
        {
            tally[p][b]++;
        }
    }

    private static void List(CountListed? listed, string metric, int p, int customer, int day)
    {
        if (p >= 0)
        {
            listed?.Invoke(metric, p, customer, day);
        }
    }

    /// <summary>The periods from <paramref name="first"/> to <paramref name="last"/> whose last day (capped at A) falls in the spell.</summary>
    private static void ListActive(CountListed listed, int customer, Activity.ActivitySpell spell, PeriodIndex periods, int first, int last, int asOf)
    {
        for (var q = Math.Max(first, 0); q <= last; q++)
        {
            var lastDay = Math.Min(periods.End(q) - 1, asOf);
            if (spell.IsActiveOn(lastDay))
            {
                listed(OrdersFamily.ActiveCustomers, q, customer, lastDay);
            }
        }
    }

    private static int MarkTrailing(int[][] tally, PeriodIndex periods, int day, int lastMarked, int[] bins)
    {
        var (first, last) = periods.TrailingRangeOf(day);
        for (var p = Math.Max(first, lastMarked + 1); p <= last; p++)
        {
            Add(tally, p, bins);
        }

        return Math.Max(lastMarked, last);
    }

    /// <summary>For each period whose s − 1 falls in this spell: retained when also active on e − 1 (or the as-of date).</summary>
    private void CountRetained(CustomerHistory h, Activity.ActivitySpell spell, PeriodIndex periods, int asOf, int[] bins)
    {
        var first = periods.IndexOf(spell.Start) + 1;
        var last = Math.Min(periods.IndexOf(spell.End), periods.Count - 1);
        for (var p = Math.Max(first, 0); p <= last; p++)
        {
            var startBase = periods.Start(p) - 1;
            if (spell.IsActiveOn(startBase) && h.IsActiveOn(Math.Min(periods.End(p) - 1, asOf)))
            {
                Add(Retained, p, bins);
            }
        }
    }
}

/// <summary>A customer counted in <paramref name="metric"/> in period <paramref name="period"/> on day number <paramref name="day"/>.</summary>
internal delegate void CountListed(string metric, int period, int customer, int day);
