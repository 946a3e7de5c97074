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
        var rows = new List<MetricValue>();
        foreach (var grain in context.Grains)
        {
            var periods = context.Calendar.PeriodsBetween(grain, first, context.AsOf);
            var starts = periods.Select(p => p.Start).ToArray();
            var groups = new Dictionary<(int Period, string Segment), List<T>>();
            foreach (var e in counted)
            {
                var p = Array.BinarySearch(starts, e.Day);
                p = p >= 0 ? p : ~p - 1;
                Add(groups, p, SegmentKeys.All, e.Item);
                foreach (var key in context.Segments.Of(e.CustomerId))
                {
                    Add(groups, p, key, e.Item);
                }

                if (!string.IsNullOrWhiteSpace(e.Dimension))
                {
                    Add(groups, p, SegmentKeys.Of(dimension, e.Dimension.Trim()), e.Item);
                }
            }

            foreach (var ((p, segment), items) in groups
                .OrderBy(g => g.Key.Period)
                .ThenBy(g => g.Key.Segment == SegmentKeys.All ? 0 : 1)
                .ThenBy(g => g.Key.Segment, StringComparer.Ordinal))
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

    private static void Add<T>(Dictionary<(int, string), List<T>> groups, int period, string segment, T item)
    {
        if (!groups.TryGetValue((period, segment), out var items))
        {
            groups[(period, segment)] = items = [];
        }

        items.Add(item);
    }
}
