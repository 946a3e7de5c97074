using Centric.Domain.Exports;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Compute;

/// <summary>
/// SQL for a kind's current rows: all its curated files, with corrections applied — for each natural key of the kind
/// (<see cref="ExportSchema.NaturalKey"/>) the row of the latest ingestion (then the latest line) wins.
/// </summary>
internal static class CurrentRows
{
    public static string Sql(CuratedFiles files, ExportKind kind)
    {
        var key = string.Join(", ", ExportSchemas.For(kind).NaturalKey.Select(Identifier));
        return $"""
            SELECT * FROM read_parquet({DuckDbSession.List(files.Of(kind))}, union_by_name = true)
            QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY _ingested_at DESC, _ingestion_id DESC, _line DESC) = 1
            """;
    }

    /// <summary>A quoted SQL identifier for a canonical column name.</summary>
    public static string Identifier(string column) => "\"" + column.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
