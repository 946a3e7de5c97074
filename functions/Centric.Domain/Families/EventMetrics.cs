using Centric.Domain.Families.Fanout;
using Centric.Domain.Metrics;
using Centric.Domain.Segments;

namespace Centric.Domain.Families;

/// <summary>
/// Computes event metrics (a survey's NPS, a ticket's resolution time, ...) for every grain, period and segment: each
/// event belongs to the period of its day; it counts in <c>*</c>, in its customer's segments and in its own event
/// dimension (<c>touchpoint:checkout</c>). A period or segment without events has no row (not a zero). Events after the
/// as-of date are not counted; the period holding it is partial. A segment other than <c>*</c> whose denominator holds
/// fewer than <see cref="SegmentKeys.LowSampleThreshold"/> events is marked as a low sample. When the context collects
/// <see cref="FamilyContext.Partials"/> (one partition of a fanned-out compute), each group's unrounded numerator and
/// denominator go there instead of a value, for <see cref="PartialValues.Merge"/> to add up.
/// </summary>
public static class EventMetrics
{
    /// <summary>
    /// A metric of the family and how a group of events reduces to its value. <paramref name="Scale"/> is given when the
    /// value is numerator × scale ÷ denominator with both additive over events, so partitions of the events can be
    /// computed apart and merged; null for a value that is not (a percentile, a maximum).
    /// </summary>
    public sealed record Measure<T>(MetricDefinition Definition, Func<IReadOnlyList<T>, Reduction?> Reduce, string? Preset = null, decimal? Scale = null);

    public static IReadOnlyList<MetricValue> Compute<T>(
        FamilyContext context, IReadOnlyList<DatedEvent<T>> events, string dimension, IReadOnlyList<Measure<T>> measures)
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
            if (e.CustomerId is { } customer && !byCustomer.TryGetValue(customer, out customerSegments!))
            {
                byCustomer[customer] = customerSegments = [.. context.Segments.Of(customer).Select(k => Number(names, numbers, k))];
            }

            var dimensionSegment = -1;
            if (!string.IsNullOrWhiteSpace(e.Dimension) && !byDimension.TryGetValue(e.Dimension, out dimensionSegment))
            {
                byDimension[e.Dimension] = dimensionSegment = Number(names, numbers, SegmentKeys.Of(dimension, e.Dimension.Trim()));
            }

            memberships[i] = dimensionSegment < 0 ? [0, .. customerSegments] : [0, .. customerSegments, dimensionSegment];
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

                    if (context.Partials is { } partials)
                    {
                        partials.Add(measure.Scale is { } scale && r.Numerator is { } numerator && r.Denominator is { } denominator
                            ? new PartialValue(
                                measure.Definition.Id, measure.Preset, period.Grain, period.Start, period.End, period.Label, segment,
                                numerator, denominator, scale, measure.Definition.Unit, measure.Definition.Version)
                            : throw new InvalidOperationException(
                                $"Metric {measure.Definition.Id} is not a sum over events: it cannot be computed by partition."));
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
