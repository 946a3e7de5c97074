namespace Centric.Functions.Api;

/// <summary>
/// A dataset in <c>GET /api/datasets</c>: its current generation, as-of date and freshness, the export kinds it holds and
/// the metric families its generation computed, the activity model its customer base follows (<c>subscriptions</c>
/// when it holds a subscriptions export, else <c>orders</c>; null before it holds any kind), and its last failed
/// compute (null when none failed). The same shape for one dataset in <c>GET /api/datasets/{dataset}</c>.
/// </summary>
public sealed record DatasetSummary(
    string Dataset,
    string? Generation,
    DateOnly? AsOf,
    DateTimeOffset? LastComputed,
    DateTimeOffset? LastIngestion,
    int Customers,
    long Orders,
    string? ReportingCurrency,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Lineage,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Families,
    string? ActivityModel,
    ComputeFailure? LastFailedCompute);
