using Centric.Domain.Metrics;
using Centric.Domain.Time;

namespace Centric.Domain.Snapshots;

/// <summary>Turns computed metric values into the public snapshot rows of one generation.</summary>
public static class SnapshotRows
{
    public static SnapshotRow From(
        MetricValue value, string dataset, string generation, DateTimeOffset computedAt, DateOnly asOf, string reportingCurrency)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new SnapshotRow(
            dataset,
            value.Metric,
            value.Period.Grain.ToName(),
            value.Period.Label,
            value.Period.Start,
            value.Period.End,
            value.Segment,
            value.Value,
            value.Numerator,
            value.Denominator,
            UnitName(value.Unit, reportingCurrency),
            value.Preset,
            value.DefinitionVersion,
            generation,
            computedAt,
            asOf,
            value.Partial,
            value.LowSample,
            value.Warning);
    }

    public static string UnitName(MetricUnit unit, string reportingCurrency) => unit switch
    {
        MetricUnit.Currency => reportingCurrency,
        _ => unit.ToString().ToLowerInvariant(),
    };
}
