using Centric.Domain.Metrics;
using Centric.Domain.Time;

namespace Centric.Domain.Families.Fanout;

/// <summary>
/// One partition's share of a metric value for a period and segment: the numerator and denominator summed over the
/// partition's events, unrounded, and the scale the value is divided with. Partials of the same metric, preset, period
/// and segment from every partition add up to the single run's numerator and denominator. A numerator kept in
/// 1/<paramref name="Divisor"/> of the metric's unit (the ticks of a mean of days) is a whole number, so the sums are
/// exact in any order; the merge divides their total once (<see cref="PartialValues.Divided"/>).
/// </summary>
public sealed record PartialValue(
    string Metric,
    string? Preset,
    Grain Grain,
    DateOnly Start,
    DateOnly End,
    string Label,
    string Segment,
    decimal Numerator,
    decimal Denominator,
    decimal Scale,
    MetricUnit Unit,
    int DefinitionVersion,
    decimal Divisor = 1m);

/// <summary>Merges the partials of every partition into the metric values a single run computes.</summary>
public static class PartialValues
{
    /// <summary>
    /// Sums numerators and denominators per metric, preset, period and segment and divides once, rounding as
    /// <see cref="EventMetrics"/> does: a period after <paramref name="asOf"/> is partial, a segment other than <c>*</c>
    /// whose denominator is below <see cref="Segments.SegmentKeys.LowSampleThreshold"/> a low sample.
    /// </summary>
    public static IReadOnlyList<MetricValue> Merge(IEnumerable<PartialValue> partials, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(partials);
        return
        [
            .. partials
                .GroupBy(p => (p.Metric, p.Preset, p.Grain, p.Start, p.End, p.Label, p.Segment, p.Scale, p.Unit, p.DefinitionVersion, p.Divisor))
                .Select(g =>
                {
                    var denominator = g.Sum(p => p.Denominator);
                    var merged = g.Key.Divisor == 1m
                        ? Reduction.Divide(g.Sum(p => p.Numerator), denominator, g.Key.Scale)
                        : Divided(g.Sum(p => p.Numerator), denominator, g.Key.Scale, g.Key.Divisor);
                    var period = new Period(g.Key.Grain, g.Key.Start, g.Key.End, g.Key.Label);
                    return new MetricValue(
                        g.Key.Metric,
                        g.Key.Preset,
                        period,
                        g.Key.Segment,
                        Ratio.Round(merged.Value),
                        Ratio.Round(merged.Numerator),
                        Ratio.Round(denominator),
                        g.Key.Unit,
                        g.Key.DefinitionVersion,
                        Partial: period.LastDay > asOf,
                        LowSample: g.Key.Segment != Segments.SegmentKeys.All && denominator < Segments.SegmentKeys.LowSampleThreshold);
                }),
        ];
    }

    /// <summary>
    /// The value of a numerator kept in 1/<paramref name="divisor"/> of the metric's unit: the numerator is
    /// <paramref name="units"/> ÷ divisor and the value that numerator × scale ÷ denominator, each divided once. A single
    /// run and a merge of partitions both work it out here from the same sums, so they give the same digits.
    /// </summary>
    public static Reduction Divided(decimal units, decimal denominator, decimal scale, decimal divisor) =>
        Reduction.Divide(units / divisor, denominator, scale);
}
