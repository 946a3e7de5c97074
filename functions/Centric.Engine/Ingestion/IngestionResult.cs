using Centric.Domain.Exports;

namespace Centric.Engine.Ingestion;

/// <summary>What an ingestion did. Always <c>RowsRead == Accepted + Rejected</c>; a row with several bad cells
/// counts once but has one reject line per cell.</summary>
/// <param name="Kind">The kind read, when it could be told.</param>
/// <param name="Status">Succeeded, succeeded with rejects, or failed (unusable file).</param>
/// <param name="RowsRead">Data rows read (blank rows are skipped and not counted).</param>
/// <param name="Accepted">Rows written to the curated Parquet file.</param>
/// <param name="Rejected">Rows written to the rejects file instead.</param>
/// <param name="Message">A summary, or the reason the file is unusable.</param>
/// <param name="SampleRejects">The first 100 rejected cells.</param>
/// <param name="Format">How the file was read; null when it could not be.</param>
public sealed record IngestionResult(
    ExportKind? Kind,
    IngestionStatus Status,
    long RowsRead,
    long Accepted,
    long Rejected,
    string? Message,
    IReadOnlyList<RejectedRow> SampleRejects,
    DetectedFormat? Format)
{
    internal static IngestionResult Failed(ExportKind? kind, string message, DetectedFormat? format = null) =>
        new(kind, IngestionStatus.Failed, 0, 0, 0, message, [], format);
}
