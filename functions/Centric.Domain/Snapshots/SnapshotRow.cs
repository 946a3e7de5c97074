namespace Centric.Domain.Snapshots;

/// <summary>
/// A snapshot row as served to BI tools (docs/contract.md): JSON and CSV share these columns, in this order.
/// <see cref="Unit"/> is <c>count</c>, <c>percent</c>, <c>ratio</c>, <c>hours</c>, <c>days</c>, <c>score</c>, or the
/// reporting currency's ISO code for money. <see cref="Warning"/> is null unless the value needs a word of caution, e.g.
/// a money value that is null because some amounts had no fx rate.
/// </summary>
public sealed record SnapshotRow(
    string Dataset,
    string Metric,
    string Grain,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string Segment,
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    string Unit,
    string? Preset,
    int DefinitionVersion,
    string Generation,
    DateTimeOffset ComputedAt,
    DateOnly AsOf,
    bool Partial,
    bool LowSample,
    string? Warning = null);
