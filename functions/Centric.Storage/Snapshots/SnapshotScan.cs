namespace Centric.Storage.Snapshots;

/// <summary>
/// A scan of one generation in RowKey order, narrowed by the table service: a RowKey prefix (one metric, or one
/// metric at one grain), a RowKey to resume after (exclusive), and conditions on the stored columns. Readers that
/// need more than this filter the rows they get.
/// </summary>
public sealed record SnapshotScan(string? RowKeyPrefix = null, string? After = null, IReadOnlyList<SnapshotCondition>? Conditions = null);

/// <summary>
/// A comparison of a stored text column with a value, evaluated by the table service (ordinal string comparison:
/// dates are stored as <c>yyyy-MM-dd</c>, so they compare as dates).
/// </summary>
public sealed record SnapshotCondition(SnapshotColumn Column, SnapshotComparison Comparison, string Value);

/// <summary>The stored columns a scan can be narrowed by.</summary>
public enum SnapshotColumn
{
    Metric,
    Grain,
    Period,
    PeriodStart,
    Segment,
    Preset,
}

/// <summary>Comparisons the table service evaluates.</summary>
public enum SnapshotComparison
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}
