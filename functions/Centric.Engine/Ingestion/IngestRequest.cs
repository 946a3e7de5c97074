using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Engine.Settings;

namespace Centric.Engine.Ingestion;

/// <summary>One export file to ingest.</summary>
/// <param name="SourcePath">Local file: CSV/TSV/TXT or XLSX.</param>
/// <param name="FileName">Original blob or file name (extension, kind prefix such as <c>orders_2026-10.csv</c>).</param>
/// <param name="Kind">The kind from the folder; null: from the file-name prefix, else from the header.</param>
/// <param name="Settings">The dataset's settings (time zone, date order, decimal separator).</param>
/// <param name="Mapping">The dataset's <c>mapping.json</c>; the kind's part is applied once the kind is known.</param>
/// <param name="IngestionId">Stamped on every curated row as <c>_ingestion_id</c>.</param>
/// <param name="IngestedAt">Stamped on every curated row as <c>_ingested_at</c> (UTC).</param>
/// <param name="CuratedPath">Where accepted rows are written (Parquet).</param>
/// <param name="RejectsPath">Where rejected cells are written (CSV: line,column,value,reason).</param>
/// <param name="NotAfter">Timestamps whose calendar day is after this day are rejected as future; null: no check.</param>
/// <param name="Folder">The folder the file sits in under its dataset; null at the top. A folder that names no kind
/// refuses the file.</param>
/// <param name="Limits">How far a workbook may inflate; null: <see cref="WorkbookLimits.Default"/>.</param>
public sealed record IngestRequest(
    string SourcePath,
    string FileName,
    ExportKind? Kind,
    DatasetSettings Settings,
    DatasetMapping? Mapping,
    string IngestionId,
    DateTimeOffset IngestedAt,
    string CuratedPath,
    string RejectsPath,
    DateOnly? NotAfter = null,
    string? Folder = null,
    WorkbookLimits? Limits = null)
{
    /// <summary>
    /// The request for one file of a dataset, the same in the cloud and on the command line: the dataset's settings and
    /// whole mapping (the kind's part is picked once the kind is known), and rows dated after today in the dataset's time
    /// zone rejected as future (no such check without <paramref name="now"/>). A <paramref name="folder"/> that is not a
    /// kind's refuses the file.
    /// </summary>
    public static IngestRequest ForDataset(
        string sourcePath,
        string fileName,
        ExportKind? folderKind,
        DatasetConfiguration configuration,
        string ingestionId,
        DateTimeOffset ingestedAt,
        DateTimeOffset? now,
        string curatedPath,
        string rejectsPath,
        string? folder = null,
        WorkbookLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new IngestRequest(
            sourcePath, fileName, folderKind, configuration.Settings, configuration.Mapping, ingestionId, ingestedAt, curatedPath, rejectsPath,
            now is { } instant ? configuration.Settings.Today(instant) : null, folder, limits);
    }
}
