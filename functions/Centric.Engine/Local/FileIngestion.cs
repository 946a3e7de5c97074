using Centric.Engine.Ingestion;

namespace Centric.Engine.Local;

/// <summary>What ingesting one local export file did.</summary>
/// <param name="File">The export file.</param>
/// <param name="IngestionId">Its ingestion id: 1-based position in ingestion order (4 digits), <c>-</c>, the first 8
/// hex digits of its SHA-256 (<c>0001-9f86d081</c>).</param>
/// <param name="Result">The ingestor's result: kind, status, counts, message, detected format.</param>
/// <param name="RejectsPath">The CSV (<c>line,column,value,reason</c>) of its rejected cells.</param>
/// <param name="CuratedPath">The Parquet of its accepted rows; null when no row was accepted.</param>
public sealed record FileIngestion(
    ExportFile File,
    string IngestionId,
    IngestionResult Result,
    string RejectsPath,
    string? CuratedPath);
