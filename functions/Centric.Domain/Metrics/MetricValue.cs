using Centric.Domain.Time;

namespace Centric.Domain.Metrics;

/// <summary>
/// One computed value of a metric for a period and a segment, with the numerator and denominator it was
/// divided from so it can be reconciled by hand. <see cref="Value"/> is null when undefined (zero denominator) or
/// unknown; <see cref="Warning"/> then says why when a person should act (e.g. amounts with no fx rate).
/// </summary>
public sealed record MetricValue(
    string Metric,
    string? Preset,
    Period Period,
    string Segment,
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    MetricUnit Unit,
    int DefinitionVersion,
    bool Partial,
    bool LowSample,
    string? Warning = null);
