namespace Centric.Engine.Ingestion;

/// <summary>A column of the curated Parquet file and its DuckDB type.</summary>
internal sealed record OutputColumn(string Name, string SqlType);
