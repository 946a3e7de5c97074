using Centric.Domain.Metrics;

namespace Centric.Domain.Families;

/// <summary>
/// The mean, the nearest-rank 90th percentile and the longest of elapsed times (order to delivery, ticket resolution),
/// in hours, for every grain, period and segment, by the rules of <see cref="EventMetrics"/>: each event counts in the
/// period of its day, in <c>*</c>, its customer's segments and its own event dimension; events after the as-of date
/// are not counted; a period or segment without events has no row. The rows are those <see cref="EventMetrics"/>
/// gives for the measures <see cref="Reduction.Mean(IReadOnlyCollection{decimal})"/>, <see cref="Reduction.Percentile"/> at 0.9 and
/// <see cref="Reduction.Max"/>, in the same order, computed without gathering each group's events: one pass adds each
/// event to the count, the sum of ticks and the longest ticks of every group it belongs to, and one pass in order of
/// elapsed time finds each group's ⌈0.9 n⌉-th smallest as the event at which the group's running count reaches that
/// number. Hours are ticks ÷ <see cref="TimeSpan.TicksPerHour"/>, so comparing ticks orders hours, and equal ticks are
/// equal hours. The sum of hours is the exact sum of ticks divided once, so the mean is the exact mean rounded once;
/// a sum of decimal hours (13 s is 0.0036111… h, rounded at the 28th digit) differs from it in the last digits, which
/// can tip a value that lies on a rounding midpoint.
/// </summary>
public static class HoursMetrics
{
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

        ThrowIfPartitioned(context, mean);

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

            days[c] = e.Day.DayNumber;
            ticks[c] = e.Item >= 0 ? e.Item : throw new ArgumentException($"An elapsed time is below zero ({e.Item} ticks).", nameof(events));
            sets[c] = segments.Of(e.CustomerId, e.Dimension);
            c++;
        }

        return HoursRows.Of(context, segments, first, days, ticks, sets, mean, p90, max);
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

        ThrowIfPartitioned(context, mean);

        // When every time counts (the as-of date is the last day, as a compute's usually is), the reader's own day and
        // ticks columns are read as they are rather than copied: 12 bytes a time less in flight (110 MB at 10M orders).
        var all = n == times.Count;
        var days = all ? times.Day : new int[n];
        var ticks = all ? times.Ticks : new long[n];
        var sets = new int[n];
        var segments = new SegmentSets(context, dimension, dimensionOnly: false);

        // Each customer's set, found when its first counted time is met; -1 is not yet found, and the last entry is
        // the rows without a customer.
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

            days[c] = day;
            ticks[c] = times.Ticks[i] >= 0 ? times.Ticks[i] : throw new ArgumentException($"An elapsed time is below zero ({times.Ticks[i]} ticks).", nameof(times));
            sets[c] = setOf[slot];
            c++;
        }

        return HoursRows.Of(context, segments, DateOnly.FromDayNumber(first), days, ticks, sets, mean, p90, max);
    }

    /// <summary>A mean, percentile and maximum need every event of a group at once: they are not sums a partition can add to.</summary>
    private static void ThrowIfPartitioned(FamilyContext context, MetricDefinition mean)
    {
        if (context.Partials is not null)
        {
            throw new InvalidOperationException($"Metric {mean.Id} is not a sum over events: it cannot be computed by partition.");
        }
    }
}
