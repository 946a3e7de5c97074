namespace Centric.Engine.Ingestion;

/// <summary>A column of a kind's curated Parquet file and its DuckDB type (e.g. <c>amount DECIMAL(18,4)</c>).</summary>
public sealed record CuratedColumn(string Name, string SqlType);
