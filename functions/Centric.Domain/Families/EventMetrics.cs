using System.Runtime.InteropServices;
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
    /// computed apart and merged; null for a value that is not (a percentile, a maximum). <paramref name="Divisor"/>,
    /// when not 1, says that <paramref name="Reduce"/> gives its numerator in 1/Divisor of the metric's unit (the ticks
    /// of a mean of days), a whole number that adds up exactly in any order and across partitions: the row's numerator
    /// is then that ÷ Divisor and its value that numerator × scale ÷ denominator, each worked out once from the sums, as
    /// <see cref="PartialValues.Merge"/> does (the reduction's own value is not used).
    /// </summary>
    public sealed record Measure<T>(
        MetricDefinition Definition, Func<IReadOnlyList<T>, Reduction?> Reduce, string? Preset = null, decimal? Scale = null, decimal Divisor = 1m);

    /// <summary>
    /// A group's items as a span: the groups handed to a measure are slices of one array, read without a copy or an
    /// enumerator (any other list is copied).
    /// </summary>
    public static ReadOnlySpan<T> Items<T>(IReadOnlyList<T> group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group is ArraySegment<T> slice ? slice.AsSpan() : group.ToArray();
    }

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
        // The events are read where they are (a list's own array), not copied: an event after the as-of date is
        // marked by a set of −1 and passed over.
        var counted = AsSpan(events);
        var asOf = context.AsOf;
        var first = DateOnly.MaxValue;
        foreach (ref readonly var e in counted)
        {
            first = e.Day <= asOf && e.Day < first ? e.Day : first;
        }

        if (first == DateOnly.MaxValue)
        {
            return [];
        }

        // Each event's segments, resolved once for every grain (SegmentSets: a customer's list of keys is numbered once,
        // and events of the same segments share one set), so a group is found by a number rather than by hashing its
        // segment's text for every event and grain.
        var sets = new SegmentSets(context, dimension, dimensionOnly);
        var setOf = new int[counted.Length];
        for (var i = 0; i < counted.Length; i++)
        {
            setOf[i] = counted[i].Day <= asOf ? sets.Of(counted[i].CustomerId, counted[i].Dimension) : -1;
        }

        // Every set's segments in one flat list: set k's are members[memberStart[k]..memberStart[k + 1]).
        var names = sets.Names;
        var members = sets.Members;
        var memberStart = sets.MemberStart;

        // Segments in row order: * first, then by key.
        var segmentOrder = Enumerable.Range(0, names.Count)
            .OrderBy(k => names[k] == SegmentKeys.All ? 0 : 1)
            .ThenBy(k => names[k], StringComparer.Ordinal)
            .ToArray();
        var rows = new List<MetricValue>();
        var eventPeriods = new int[counted.Length];
        foreach (var grain in context.Grains)
        {
            var periods = context.Calendar.PeriodsBetween(grain, first, context.AsOf);
            var starts = periods.Select(p => p.Start).ToArray();

            // The groups (period, segment) laid out one after another in a single array, each keeping the events' order.
            var offsets = new int[(periods.Count * names.Count) + 1];
            for (var i = 0; i < counted.Length; i++)
            {
                if (setOf[i] < 0)
                {
                    continue;
                }

                var p = Array.BinarySearch(starts, counted[i].Day);
                p = p >= 0 ? p : ~p - 1;
                eventPeriods[i] = p;
                for (var m = memberStart[setOf[i]]; m < memberStart[setOf[i] + 1]; m++)
                {
                    offsets[(p * names.Count) + members[m] + 1]++;
                }
            }

            for (var g = 1; g < offsets.Length; g++)
            {
                offsets[g] += offsets[g - 1];
            }

            var items = new T[offsets[^1]];
            var next = offsets[..^1];
            for (var i = 0; i < counted.Length; i++)
            {
                if (setOf[i] < 0)
                {
                    continue;
                }

                var row = eventPeriods[i] * names.Count;
                for (var m = memberStart[setOf[i]]; m < memberStart[setOf[i] + 1]; m++)
                {
                    items[next[row + members[m]]++] = counted[i].Item;
                }
            }

            for (var p = 0; p < periods.Count; p++)
            {
                var period = periods[p];
                foreach (var s in segmentOrder)
                {
                    var g = (p * names.Count) + s;
                    var count = offsets[g + 1] - offsets[g];
                    if (count == 0)
                    {
                        continue;
                    }

                    var group = new ArraySegment<T>(items, offsets[g], count);
                    var segment = names[s];
                    foreach (var measure in measures)
                    {
                        if (measure.Reduce(group) is not { } r)
                        {
                            continue;
                        }

                        if (context.Partials is { } partials)
                        {
                            partials.Add(measure.Scale is { } scale && r.Numerator is { } numerator && r.Denominator is { } denominator
                                ? new PartialValue(
                                    measure.Definition.Id, measure.Preset, period.Grain, period.Start, period.End, period.Label, segment,
                                    numerator, denominator, scale, measure.Definition.Unit, measure.Definition.Version, measure.Divisor)
                                : throw new InvalidOperationException(
                                    $"Metric {measure.Definition.Id} is not a sum over events: it cannot be computed by partition."));
                            continue;
                        }

                        if (measure.Divisor != 1m)
                        {
                            r = PartialValues.Divided(
                                r.Numerator ?? throw new InvalidOperationException($"Metric {measure.Definition.Id} gave no numerator to divide."),
                                r.Denominator ?? throw new InvalidOperationException($"Metric {measure.Definition.Id} gave no denominator."),
                                measure.Scale ?? 1m,
                                measure.Divisor);
                        }

                        var sample = r.Denominator ?? count;
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
        }

        return rows;
    }

    /// <summary>The events as a span: a list's or an array's own storage, any other collection copied.</summary>
    private static ReadOnlySpan<DatedEvent<T>> AsSpan<T>(IReadOnlyList<DatedEvent<T>> events) => events switch
    {
        List<DatedEvent<T>> list => CollectionsMarshal.AsSpan(list),
        DatedEvent<T>[] array => array,
        _ => events.ToArray(),
    };
}
