using Centric.Domain.Datasets;
using Centric.Domain.Exports;

namespace Centric.Engine.Ingestion;

/// <summary>One export file to ingest.</summary>
/// <param name="SourcePath">Local file: CSV/TSV/TXT or XLSX.</param>
/// <param name="FileName">Original blob or file name (extension, kind prefix such as <c>orders_2026-10.csv</c>).</param>
/// <param name="Kind">The kind from the folder; null: from the file-name prefix, else from the header.</param>
/// <param name="Settings">The dataset's settings (time zone, date order, decimal separator).</param>
/// <param name="Mapping">From <c>mapping.json</c> for this kind: source header to canonical column.</param>
/// <param name="IngestionId">Stamped on every curated row as <c>_ingestion_id</c>.</param>
/// <param name="IngestedAt">Stamped on every curated row as <c>_ingested_at</c> (UTC).</param>
/// <param name="CuratedPath">Where accepted rows are written (Parquet).</param>
/// <param name="RejectsPath">Where rejected cells are written (CSV: line,column,value,reason).</param>
/// <param name="NotAfter">Timestamps whose calendar day is after this day are rejected as future; null: no check.</param>
public sealed record IngestRequest(
    string SourcePath,
    string FileName,
    ExportKind? Kind,
    DatasetSettings Settings,
    IReadOnlyDictionary<string, string>? Mapping,
    string IngestionId,
    DateTimeOffset IngestedAt,
    string CuratedPath,
    string RejectsPath,
    DateOnly? NotAfter = null);
