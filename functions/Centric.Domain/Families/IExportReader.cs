using Centric.Domain.Exports;

namespace Centric.Domain.Families;

/// <summary>
/// Reads the current rows of an export kind (corrections applied: the latest row of each natural key wins), with the
/// canonical columns a family asks for. The engine implements it over the dataset's curated files.
/// </summary>
public interface IExportReader
{
    /// <summary>The current rows of <paramref name="kind"/> with <paramref name="columns"/>; no rows when the dataset has none of that kind.</summary>
    ExportRows Read(ExportKind kind, IReadOnlyList<string> columns);

    /// <summary>
    /// Hands each current row of <paramref name="kind"/>, with <paramref name="columns"/> and in the order
    /// <see cref="Read"/> gives them, to <paramref name="visit"/> one at a time, so a family that keeps a little of each
    /// row need not hold every row's cells at once. By default the rows are read whole and then handed over.
    /// </summary>
    void Scan(ExportKind kind, IReadOnlyList<string> columns, Action<IExportRow> visit) => Read(kind, columns).Scan(columns, visit);

    /// <summary>
    /// The elapsed times of <paramref name="query"/> on the current rows of <paramref name="kind"/>, one column set per
    /// timestamp it ends at, with the times <see cref="ElapsedScan"/> gives, in any order (no value computed from them
    /// depends on it): a reader may find them more cheaply than row by row, never different ones.
    /// </summary>
    IReadOnlyList<ElapsedTimes> Elapsed(ExportKind kind, ElapsedQuery query) => ElapsedScan.Of(this, kind, query);

    /// <summary>
    /// Whether any current row of <paramref name="kind"/> has the timestamp <paramref name="column"/> set, over the
    /// whole dataset even when the rows are read by customer partition: a rule of the whole export (whether deliveries
    /// are recorded at all) must not change with the partition that reads it.
    /// </summary>
    bool AnyTimeSet(ExportKind kind, string column) => Read(kind, [column]).Time(column).Any(t => t is not null);
}
