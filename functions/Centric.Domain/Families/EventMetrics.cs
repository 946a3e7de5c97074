using Centric.Domain.Metrics;
using Centric.Domain.Segments;

namespace Centric.Domain.Families;

/// <summary>
/// Computes event metrics (a survey's NPS, a ticket's resolution time, ...) for every grain, period and segment: each
/// event belongs to the period of its day; it counts in <c>*</c>, in its customer's segments and in its own event
/// dimension (<c>touchpoint:checkout</c>). A period or segment without events has no row (not a zero). Events after the
/// as-of date are not counted; the period holding it is partial. A segment other than <c>*</c> whose denominator holds
/// fewer than <see cref="SegmentKeys.LowSampleThreshold"/> events is marked as a low sample.
/// </summary>
public static class EventMetrics
{
    /// <summary>A metric of the family and how a group of events reduces to its value.</summary>
    public sealed record Measure<T>(MetricDefinition Definition, Func<IReadOnlyList<T>, Reduction?> Reduce, string? Preset = null);

    /// <summary>Every row of <paramref name="measures"/> over <paramref name="events"/>.</summary>
    /// <param name="context">The grains, calendar, as-of date and customer segments.</param>
    /// <param name="events">The events, in any order.</param>
    /// <param name="dimension">The event dimension's name (<c>ticket-channel</c>).</param>
    /// <param name="measures">The metrics and how a group of events reduces to each.</param>
    /// <param name="dimensionOnly">
    /// Count each event only in its own event dimension's segment, not in <c>*</c> or its customer's segments: for a second
    /// pass over another dimension of events whose <c>*</c> and customer rows came from the first.
    /// </param>
    public static IReadOnlyList<MetricValue> Compute<T>(
        FamilyContext context, IReadOnlyList<DatedEvent<T>> events, string dimension, IReadOnlyList<Measure<T>> measures, bool dimensionOnly = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(measures);
        var counted = events.Where(e => e.Day <= context.AsOf).ToArray();
        if (counted.Length == 0)
        {
            return [];
        }

        var first = counted.Min(e => e.Day);

        // Each event's segments as small numbers, resolved once for every grain: a customer's keys are looked up once per
        // customer, and a group is found by a number rather than by hashing its segment's text for every event and grain.
        var names = new List<string> { SegmentKeys.All };
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal) { [SegmentKeys.All] = 0 };
        var byCustomer = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var byDimension = new Dictionary<string, int>(StringComparer.Ordinal);
        var memberships = new int[counted.Length][];
        for (var i = 0; i < counted.Length; i++)
        {
            var e = counted[i];
            int[] customerSegments = [];
            if (!dimensionOnly && e.CustomerId is { } customer && !byCustomer.TryGetValue(customer, out customerSegments!))
            {
                byCustomer[customer] = customerSegments = [.. context.Segments.Of(customer).Select(k => Number(names, numbers, k))];
            }

            var dimensionSegment = -1;
            if (!string.IsNullOrWhiteSpace(e.Dimension) && !byDimension.TryGetValue(e.Dimension, out dimensionSegment))
            {
                byDimension[e.Dimension] = dimensionSegment = Number(names, numbers, SegmentKeys.Of(dimension, e.Dimension.Trim()));
            }

            memberships[i] = dimensionOnly
                ? dimensionSegment < 0 ? [] : [dimensionSegment]
                : dimensionSegment < 0 ? [0, .. customerSegments] : [0, .. customerSegments, dimensionSegment];
        }

        var rows = new List<MetricValue>();
        foreach (var grain in context.Grains)
        {
            var periods = context.Calendar.PeriodsBetween(grain, first, context.AsOf);
            var starts = periods.Select(p => p.Start).ToArray();
            var groups = new Dictionary<long, List<T>>();
            for (var i = 0; i < counted.Length; i++)
            {
                var e = counted[i];
                var p = Array.BinarySearch(starts, e.Day);
                p = p >= 0 ? p : ~p - 1;
                foreach (var segment in memberships[i])
                {
                    Add(groups, ((long)p << 32) | (uint)segment, e.Item);
                }
            }

            foreach (var (p, segment, items) in groups
                .Select(g => (Period: (int)(g.Key >> 32), Segment: names[(int)(g.Key & uint.MaxValue)], Items: g.Value))
                .OrderBy(g => g.Period)
                .ThenBy(g => g.Segment == SegmentKeys.All ? 0 : 1)
                .ThenBy(g => g.Segment, StringComparer.Ordinal))
            {
                var period = periods[p];
                foreach (var measure in measures)
                {
                    if (measure.Reduce(items) is not { } r)
                    {
                        continue;
                    }

                    var sample = r.Denominator ?? items.Count;
                    rows.Add(new MetricValue(
                        measure.Definition.Id,
                        measure.Preset,
                        period,
                        segment,
                        Ratio.Round(r.Value),
                        Ratio.Round(r.Numerator),
                        Ratio.Round(r.Denominator),
                        measure.Definition.Unit,
                        measure.Definition.Version,
                        Partial: period.LastDay > context.AsOf,
                        LowSample: segment != SegmentKeys.All && sample < SegmentKeys.LowSampleThreshold));
                }
            }
        }

        return rows;
    }

    private static void Add<T>(Dictionary<long, List<T>> groups, long key, T item)
    {
        if (!groups.TryGetValue(key, out var items))
        {
            groups[key] = items = [];
        }

        items.Add(item);
    }

    /// <summary>The number of segment <paramref name="key"/>, given the next one when first seen.</summary>
    private static int Number(List<string> names, Dictionary<string, int> numbers, string key)
    {
        if (!numbers.TryGetValue(key, out var number))
        {
            numbers[key] = number = names.Count;
            names.Add(key);
        }

        return number;
    }
}
