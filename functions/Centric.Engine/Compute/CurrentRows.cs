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
        var all = $"SELECT * FROM {Files(files, kind)}";
        if (files.KeysUnique.Contains(kind))
        {
            return all;
        }

        return $"""
            {all}
            QUALIFY row_number() OVER (PARTITION BY {Key(kind)} ORDER BY _ingested_at DESC, _ingestion_id DESC, _line DESC) = 1
            """;
    }

    /// <summary>
    /// The kinds of <paramref name="files"/> in which no natural key occurs twice across all their files. Finding the
    /// latest row of each key means partitioning and sorting every row of the kind, and a compute reads a kind's current
    /// rows several times (the reporting currency, the as-of day, the loaders, the families). When no key repeats, which
    /// is the common case of exports without corrections, every row is current, and one grouping of the keys per kind
    /// spares all those sorts.
    /// </summary>
    public static IReadOnlySet<ExportKind> KindsWithUniqueKeys(DuckDbSession db, CuratedFiles files)
    {
        var unique = new HashSet<ExportKind>();
        foreach (var kind in files.Kinds)
        {
            // GROUP BY puts null keys together as PARTITION BY does, so both agree on which keys repeat.
            var repeated = db.Rows(
                $"""
                SELECT count(*) FROM (
                    SELECT 1 FROM {Files(files, kind)}
                    GROUP BY {Key(kind)} HAVING count(*) > 1 LIMIT 1)
                """,
                r => r.GetInt64(0))[0];
            if (repeated == 0)
            {
                unique.Add(kind);
            }
        }

        return unique;
    }

    /// <summary>
    /// Whether a plain read of the kind's current rows (<see cref="Sql"/>) gives them in the order they were ingested,
    /// as a sort by <c>_ingested_at, _ingestion_id, _line</c> would: when the kind has one curated file and no key
    /// repeats. A curated file holds one ingestion, written in line order (<c>CuratedWriter</c>), and DuckDB keeps a
    /// file's order through a scan (its <c>preserve_insertion_order</c>, on by default). Sorting a million rows by those
    /// columns cost about 0.1 s on every read of the kind.
    /// </summary>
    public static bool InIngestedOrder(CuratedFiles files, ExportKind kind) => files.Of(kind).Count == 1 && files.KeysUnique.Contains(kind);

    /// <summary>Every curated file of the kind, read as one table.</summary>
    private static string Files(CuratedFiles files, ExportKind kind) => $"read_parquet({DuckDbSession.List(files.Of(kind))}, union_by_name = true)";

    private static string Key(ExportKind kind) => string.Join(", ", ExportSchemas.For(kind).NaturalKey.Select(DuckDbSession.Identifier));

    /// <summary>
    /// The SQL condition that the timestamp <paramref name="column"/> is set: its wall clock and its instant
    /// (<c>_utc</c>) both, as a read takes it.
    /// </summary>
    public static string TimestampSet(string column) => $"{DuckDbSession.Identifier(column)} IS NOT NULL AND {DuckDbSession.Identifier(column + "_utc")} IS NOT NULL";

    /// <summary>Refuses, naming <paramref name="parameter"/>, a <paramref name="column"/> that is not a timestamp of <paramref name="kind"/>.</summary>
    public static void ThrowIfNotTimestamp(ExportKind kind, string column, string parameter)
    {
        if (ExportSchemas.For(kind).Find(column) is not { Type: ColumnType.Timestamp })
        {
            throw new ArgumentException($"'{column}' is not a timestamp of {kind.ToSlug()}.", parameter);
        }
    }
}
