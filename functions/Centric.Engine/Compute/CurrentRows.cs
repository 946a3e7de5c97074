using Centric.Engine.DuckDb;

namespace Centric.Engine.Compute;

/// <summary>
/// SQL for a kind's current rows: all its curated files, with corrections applied — for each natural key the row
/// of the latest ingestion (then the latest line) wins.
/// </summary>
internal static class CurrentRows
{
    public static string Sql(IReadOnlyList<string> files, string naturalKey) =>
        $"""
        SELECT * FROM read_parquet({DuckDbSession.List(files)}, union_by_name = true)
        QUALIFY row_number() OVER (PARTITION BY {naturalKey} ORDER BY _ingested_at DESC, _ingestion_id DESC, _line DESC) = 1
        """;
}
