using Centric.Domain.Metrics;
using Centric.Domain.Segments;

namespace Centric.Domain.Families;

/// <summary>
/// The mean, the nearest-rank 90th percentile and the longest of elapsed times (order to delivery, ticket resolution),
/// in hours, for every grain, period and segment, by the rules of <see cref="EventMetrics"/>: each event counts in the
/// period of its day, in <c>*</c>, its customer's segments and its own event dimension; events after the as-of date
/// are not counted; a period or segment without events has no row. The rows are those <see cref="EventMetrics"/>
/// gives for the measures <see cref="Reduction.Mean"/>, <see cref="Reduction.Percentile"/> at 0.9 and
/// <see cref="Reduction.Max"/>, in the same order with the same values, computed without gathering each group's events:
/// one pass in event order adds each event to the count, the sum of hours and the longest ticks of every group it
/// belongs to (each sum adds the same decimals in the same order, so it rounds alike), and one pass in order of elapsed
/// time finds each group's ⌈0.9 n⌉-th smallest as the event at which the group's running count reaches that number.
/// Hours are ticks ÷ <see cref="TimeSpan.TicksPerHour"/>, so comparing ticks orders hours, and equal ticks are equal hours.
/// </summary>
public static class HoursMetrics
{
    private const decimal P90 = 0.9m;

    /// <summary>Every row of the mean, p90 (when asked for) and longest hours of <paramref name="events"/>.</summary>
    /// <param name="context">The grains, calendar, as-of date and customer segments.</param>
    /// <param name="events">The events, in any order, each with its elapsed time in ticks (not below zero).</param>
    /// <param name="dimension">The event dimension's name (<c>ticket-channel</c>).</param>
    /// <param name="mean">The metric of the mean hours: numerator their sum, denominator their count.</param>
    /// <param name="p90">The metric of the nearest-rank 90th percentile; null for none.</param>
    /// <param name="max">The metric of the longest hours.</param>
    /// <param name="dimensionOnly">Count each event only in its own event dimension's segment (<see cref="EventMetrics.Compute{T}"/>).</param>
    public static IReadOnlyList<MetricValue> Compute(
        FamilyContext context,
        IReadOnlyList<DatedEvent<long>> events,
        string dimension,
        MetricDefinition mean,
        MetricDefinition? p90,
        MetricDefinition max,
        bool dimensionOnly = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(max);

        // The counted events (on or before the as-of date) in their order, as columns.
        var n = 0;
        var first = DateOnly.MaxValue;
        for (var i = 0; i < events.Count; i++)
        {
            var day = events[i].Day;
            if (day <= context.AsOf)
            {
                n++;
                first = day < first ? day : first;
            }
        }

        if (n == 0)
        {
            return [];
        }

        if (context.Partials is not null)
        {
            throw new InvalidOperationException($"Metric {mean.Id} is not a sum over events: it cannot be computed by partition.");
        }

        var days = new int[n];
        var ticks = new long[n];
        var sets = new int[n];
        var segments = new SegmentSets(context, dimension, dimensionOnly);
        for (int i = 0, c = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Day > context.AsOf)
            {
                continue;
            }

            days[c] = e.Day.DayNumber - first.DayNumber;
            ticks[c] = e.Item >= 0 ? e.Item : throw new ArgumentException($"An elapsed time is below zero ({e.Item} ticks).", nameof(events));
            sets[c] = segments.Of(e.CustomerId, e.Dimension);
            c++;
        }

        return Rows(context, segments, first, days, ticks, sets, mean, p90, max);
    }

    /// <summary>
    /// Every row of the mean, p90 (when asked for) and longest hours of <paramref name="times"/>, equal to those of
    /// the same times as events (<see cref="DatedEvent{T}"/> with the customer and no event dimension), in the same
    /// order: each customer's segments are looked up once, by its number, rather than once per time by its id.
    /// </summary>
    /// <param name="context">The grains, calendar, as-of date and customer segments.</param>
    /// <param name="times">The times, each with its customer and the day it counts on.</param>
    /// <param name="dimension">The event dimension's name (none of the times has a value of it).</param>
    /// <param name="mean">The metric of the mean hours: numerator their sum, denominator their count.</param>
    /// <param name="p90">The metric of the nearest-rank 90th percentile; null for none.</param>
    /// <param name="max">The metric of the longest hours.</param>
    public static IReadOnlyList<MetricValue> Compute(
        FamilyContext context,
        ElapsedTimes times,
        string dimension,
        MetricDefinition mean,
        MetricDefinition? p90,
        MetricDefinition max)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(max);

        var asOf = context.AsOf.DayNumber;
        var n = 0;
        var first = int.MaxValue;
        foreach (var day in times.Day)
        {
            if (day <= asOf)
            {
                n++;
                first = Math.Min(first, day);
            }
        }

        if (n == 0)
        {
            return [];
        }

        if (context.Partials is not null)
        {
            throw new InvalidOperationException($"Metric {mean.Id} is not a sum over events: it cannot be computed by partition.");
        }

        var days = new int[n];
        var ticks = new long[n];
        var sets = new int[n];
        var segments = new SegmentSets(context, dimension, dimensionOnly: false);

        // Each customer's set, found when its first counted time is met (as the events' order would find it); -1 is
        // not yet found, and the last entry is the rows without a customer.
        var setOf = new int[times.Customers.Count + 1];
        Array.Fill(setOf, -1);
        for (int i = 0, c = 0; i < times.Count; i++)
        {
            var day = times.Day[i];
            if (day > asOf)
            {
                continue;
            }

            var customer = times.Customer[i];
            var slot = customer < 0 ? setOf.Length - 1 : customer;
            if (setOf[slot] < 0)
            {
                setOf[slot] = segments.Of(customer < 0 ? null : times.Customers[customer], null);
            }

            days[c] = day - first;
            ticks[c] = times.Ticks[i] >= 0 ? times.Ticks[i] : throw new ArgumentException($"An elapsed time is below zero ({times.Ticks[i]} ticks).", nameof(times));
            sets[c] = setOf[slot];
            c++;
        }

        return Rows(context, segments, DateOnly.FromDayNumber(first), days, ticks, sets, mean, p90, max);
    }

    /// <summary>The rows of the counted times: <paramref name="days"/> are counted from <paramref name="first"/>.</summary>
    private static List<MetricValue> Rows(
        FamilyContext context,
        SegmentSets segments,
        DateOnly first,
        int[] days,
        long[] ticks,
        int[] sets,
        MetricDefinition mean,
        MetricDefinition? p90,
        MetricDefinition max)
    {
        var n = ticks.Length;
        // Every grain's groups (period, segment) one after another: group (grain k, period p, segment s) is
        // bases[k] + p × segment count + s; periodOf[k][day] is the period of a day counted from the first.
        var names = segments.Names;
        var grains = context.Grains.ToArray();
        var periods = new IReadOnlyList<Time.Period>[grains.Length];
        var periodOf = new int[grains.Length][];
        var bases = new int[grains.Length + 1];
        var span = context.AsOf.DayNumber - first.DayNumber + 1;
        for (var k = 0; k < grains.Length; k++)
        {
            periods[k] = context.Calendar.PeriodsBetween(grains[k], first, context.AsOf);
            periodOf[k] = new int[span];
            for (int d = 0, p = 0; d < span; d++)
            {
                while (p + 1 < periods[k].Count && periods[k][p + 1].Start.DayNumber <= first.DayNumber + d)
                {
                    p++;
                }

                periodOf[k][d] = p * names.Count;
            }

            bases[k + 1] = bases[k] + (periods[k].Count * names.Count);
        }

        var groups = bases[^1];
        var counts = new int[groups];
        var sums = new decimal[groups];
        var maxima = new long[groups];
        var members = segments.Members;
        var memberStart = segments.MemberStart;
        for (var i = 0; i < n; i++)
        {
            var t = ticks[i];
            var h = Hours(t);
            for (var k = 0; k < grains.Length; k++)
            {
                var row = bases[k] + periodOf[k][days[i]];
                for (var m = memberStart[sets[i]]; m < memberStart[sets[i] + 1]; m++)
                {
                    var g = row + members[m];
                    counts[g]++;
                    sums[g] += h;
                    maxima[g] = Math.Max(maxima[g], t);
                }
            }
        }

        var percentiles = p90 is null ? null : Percentiles(ticks, days, sets, members, memberStart, periodOf, bases, counts);

        // Segments in row order: * first, then by key.
        var segmentOrder = Enumerable.Range(0, names.Count)
            .OrderBy(s => names[s] == SegmentKeys.All ? 0 : 1)
            .ThenBy(s => names[s], StringComparer.Ordinal)
            .ToArray();
        var rows = new List<MetricValue>();
        for (var k = 0; k < grains.Length; k++)
        {
            for (var p = 0; p < periods[k].Count; p++)
            {
                var period = periods[k][p];
                var partial = period.LastDay > context.AsOf;
                foreach (var s in segmentOrder)
                {
                    var g = bases[k] + (p * names.Count) + s;
                    var count = counts[g];
                    if (count == 0)
                    {
                        continue;
                    }

                    var segment = names[s];
                    var lowSample = segment != SegmentKeys.All && count < SegmentKeys.LowSampleThreshold;
                    rows.Add(Row(mean, period, segment, Reduction.Divide(sums[g], count), partial, lowSample));
                    if (p90 is not null)
                    {
                        var value = Hours(percentiles![g]);
                        rows.Add(Row(p90, period, segment, new(value, value, count), partial, lowSample));
                    }

                    var longest = Hours(maxima[g]);
                    rows.Add(Row(max, period, segment, new(longest, longest, count), partial, lowSample));
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// Each group's nearest-rank p90 in ticks, the ⌈0.9 n⌉-th smallest of its n waits: the events are visited from the
    /// shortest to the longest, and a group's p90 is the wait at which the group's running count reaches ⌈0.9 n⌉.
    /// Events of equal ticks have equal hours, so their order among themselves does not change any value.
    /// </summary>
    private static long[] Percentiles(
        long[] ticks, int[] days, int[] sets, int[] members, int[] memberStart, int[][] periodOf, int[] bases, int[] counts)
    {
        var targets = new int[counts.Length];
        for (var g = 0; g < counts.Length; g++)
        {
            targets[g] = Math.Clamp((int)Math.Ceiling(P90 * counts[g]), 1, Math.Max(counts[g], 1));
        }

        var order = new int[ticks.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort((long[])ticks.Clone(), order);
        var reached = new int[counts.Length];
        var values = new long[counts.Length];
        foreach (var i in order)
        {
            for (var k = 0; k < periodOf.Length; k++)
            {
                var row = bases[k] + periodOf[k][days[i]];
                for (var m = memberStart[sets[i]]; m < memberStart[sets[i] + 1]; m++)
                {
                    var g = row + members[m];
                    if (++reached[g] == targets[g])
                    {
                        values[g] = ticks[i];
                    }
                }
            }
        }

        return values;
    }

    /// <summary>Ticks in hours, as the families have always divided them.</summary>
    private static decimal Hours(long ticks) => (decimal)ticks / TimeSpan.TicksPerHour;

    private static MetricValue Row(MetricDefinition definition, Time.Period period, string segment, Reduction r, bool partial, bool lowSample) =>
        new(
            definition.Id,
            null,
            period,
            segment,
            Ratio.Round(r.Value),
            Ratio.Round(r.Numerator),
            Ratio.Round(r.Denominator),
            definition.Unit,
            definition.Version,
            Partial: partial,
            LowSample: lowSample);
}
