using System.Text;
using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Compute;

/// <summary>
/// The elapsed times of <see cref="IExportReader.Elapsed"/> worked out by DuckDB: it filters the current rows, takes
/// each time in ticks, not below zero, and its end's wall-clock day, numbers the customers, and hands over only those
/// whole numbers, rather than every row's five cells (two timestamps of two fields each, and two texts) to be turned
/// into times and strings one row at a time. The values are those of <see cref="ElapsedScan"/>, time for time, in
/// whatever order DuckDB finds them: no value of the times depends on their order (<see cref="HoursMetrics"/>), and
/// putting 10M orders back into ingestion order was a sort of every row, and the largest memory of the fulfilment step.
/// </summary>
internal static class ElapsedReader
{
    private const string Groups = "centric_elapsed_groups";
    private const string Customers = "centric_elapsed_customers";
    private const long MicrosecondsPerDay = 86_400_000_000;
    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static IReadOnlyList<ElapsedTimes> Read(DuckDbSession db, CuratedFiles files, ExportKind kind, ElapsedQuery query)
    {
        var schema = ExportSchemas.For(kind);
        foreach (var column in query.To.Prepend(query.From))
        {
            CurrentRows.ThrowIfNotTimestamp(kind, column, nameof(query));
        }

        foreach (var column in new[] { query.Customer, query.Status })
        {
            _ = schema.Find(column) ?? throw new ArgumentException($"'{column}' is not a column of {kind.ToSlug()}.", nameof(query));
        }

        if (files.Of(kind).Count == 0)
        {
            return [.. query.To.Select(_ => new ElapsedTimes([], [], [], []))];
        }

        // The rows are worked out twice rather than held: once grouped by customer, to number the customers and count
        // each end's times (so the arrays are made at their size), and once streamed into the arrays. A temporary table of
        // every row (its customer id as text) was DuckDB's largest memory in the fulfilment step, about 400 MB at 10M
        // orders, held beside the arrays it filled.
        var rows = RowsSql(files, kind, query);
        var targets = query.To.Count;
        try
        {
            db.Execute($"""
                CREATE OR REPLACE TEMP TABLE {Groups} AS
                SELECT c, {string.Join(", ", Enumerable.Range(0, targets).Select(j => $"count(t{j}) AS n{j}"))} FROM ({rows}) GROUP BY c
                """);
            db.Execute($"CREATE OR REPLACE TEMP TABLE {Customers} AS SELECT c, CAST(row_number() OVER () - 1 AS INTEGER) AS i FROM {Groups} WHERE c IS NOT NULL");
            var customers = new string[db.Rows($"SELECT count(*) FROM {Customers}", r => r.GetInt64(0))[0]];
            db.Chunks($"SELECT i, c FROM {Customers}", chunk =>
            {
                for (var row = 0; row < chunk.Count; row++)
                {
                    customers[chunk.WholeNumber(0, row)] = Encoding.UTF8.GetString(chunk.Utf8(1, row));
                }
            });
            var counts = db.Rows($"SELECT {string.Join(", ", Enumerable.Range(0, targets).Select(j => $"CAST(coalesce(sum(n{j}), 0) AS BIGINT)"))} FROM {Groups}", r =>
                Enumerable.Range(0, targets).Select(j => (int)r.GetInt64(j)).ToArray())[0];
            db.Execute($"DROP TABLE {Groups}");
            var customer = counts.Select(c => new int[c]).ToArray();
            var day = counts.Select(c => new int[c]).ToArray();
            var ticks = counts.Select(c => new long[c]).ToArray();
            var filled = new int[targets];
            var columns = string.Join(", ", Enumerable.Range(0, targets).Select(j => $"r.d{j}, r.t{j}"));
            db.Chunks($"SELECT coalesce(k.i, -1), {columns} FROM ({rows}) r LEFT JOIN {Customers} k ON k.c = r.c", chunk =>
            {
                for (var row = 0; row < chunk.Count; row++)
                {
                    var number = (int)chunk.WholeNumber(0, row);
                    for (var j = 0; j < targets; j++)
                    {
                        var field = 1 + (2 * j);
                        if (chunk.IsNull(field + 1, row))
                        {
                            continue;
                        }

                        var at = filled[j]++;
                        if (at == counts[j])
                        {
                            throw Changed(kind);
                        }

                        customer[j][at] = number;
                        day[j][at] = (int)chunk.WholeNumber(field, row);
                        ticks[j][at] = chunk.WholeNumber(field + 1, row);
                    }
                }
            });
            if (!filled.SequenceEqual(counts))
            {
                throw Changed(kind);
            }

            return [.. Enumerable.Range(0, targets).Select(j => new ElapsedTimes(customers, customer[j], day[j], ticks[j]))];
        }
        finally
        {
            db.Execute($"DROP TABLE IF EXISTS {Groups}");
            db.Execute($"DROP TABLE IF EXISTS {Customers}");
        }
    }

    private static InvalidOperationException Changed(ExportKind kind) =>
        new($"The curated {kind.ToSlug()} files gave a different number of times on a second read: they changed during the compute.");

    /// <summary>
    /// A query of the counted rows, with the customer (<c>c</c>) and, for each end j that is set, its wall-clock day
    /// (<see cref="DateOnly.DayNumber"/>, days before 1970 counted down, not toward it) (<c>dj</c>) and the ticks from the
    /// start's instant to its instant, 0 when below zero (<c>tj</c>). A timestamp is set when both its wall clock and its
    /// instant are, as a read takes it.
    /// </summary>
    private static string RowsSql(CuratedFiles files, ExportKind kind, ElapsedQuery query)
    {
        static string Id(string column) => DuckDbSession.Identifier(column);
        var ends = query.To.Select((column, j) =>
        {
            var wall = $"epoch_us({Id(column)})";
            var day = $"CAST(({wall} - ((({wall} % {MicrosecondsPerDay}) + {MicrosecondsPerDay}) % {MicrosecondsPerDay})) // {MicrosecondsPerDay} + {EpochDay} AS INTEGER)";
            var elapsed = $"greatest(0, epoch_us({Id(column + "_utc")}) - epoch_us({Id(query.From + "_utc")})) * {TimeSpan.TicksPerMicrosecond}";
            return $"CASE WHEN {CurrentRows.TimestampSet(column)} THEN {day} END AS d{j}, CASE WHEN {CurrentRows.TimestampSet(column)} THEN CAST({elapsed} AS BIGINT) END AS t{j}";
        });
        return $"""
            SELECT CAST({Id(query.Customer)} AS VARCHAR) AS c, {string.Join(", ", ends)}
            FROM ({CurrentRows.Sql(files, kind)})
            WHERE {CurrentRows.TimestampSet(query.From)} AND ({Id(query.Status)} IS NULL OR CAST({Id(query.Status)} AS VARCHAR) <> {DuckDbSession.Literal(query.Excluded)})
            """;
    }
}
