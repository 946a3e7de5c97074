using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Centric.Domain.Snapshots;
using Centric.Storage.Connection;

namespace Centric.Storage.Snapshots;

/// <summary>
/// Snapshot generations. Each generation has a table of its own (<see cref="GenerationTable(string, string)"/>) holding its rows, one
/// partition per metric, and one entry in the <c>snapshots</c> table (PartitionKey <c>{dataset}|{generation}</c>,
/// RowKey <c>generation</c>) naming that table, which is how a dataset's generations are listed. Retiring a generation
/// is then one table delete, however many rows it holds, and a generation's write spreads over as many partitions as it
/// has metrics instead of queueing on one. Generations written before tables per generation (their rows in the
/// <c>snapshots</c> table itself, under their PartitionKey, and no entry) are still read and deleted.
/// A generation is written in full before the dataset's pointer moves to it, so readers never see half a generation.
/// Decimals are stored as invariant strings to stay exact.
/// </summary>
public sealed class SnapshotStore(StorageClients clients)
{
    /// <summary>The RowKey of a generation's entry in the <c>snapshots</c> table (no metric row has it: theirs hold a <c>|</c>).</summary>
    public const string EntryRowKey = "generation";

    /// <summary>
    /// Azure's error code, for about 40 seconds after a Delete Table, for requests to that table (Azurite deletes at once).
    /// </summary>
    private const string TableBeingDeleted = "TableBeingDeleted";

    private const int BatchSize = 100;

    /// <summary>
    /// Batches in flight at once: one batch at a time leaves a generation's write waiting on round trips (600 of them
    /// for 60,000 rows); a few at once stay well inside a partition's 2,000 entities per second even when all of them
    /// are one metric's.
    /// </summary>
    private const int BatchesInFlight = 4;
    private readonly TableClient _table = clients.Tables.GetTableClient(clients.Names.SnapshotsTable);
    private readonly TableServiceClient _service = clients.Tables;
    private readonly string _snapshotsTable = clients.Names.SnapshotsTable;

    /// <summary>
    /// How many generations <see cref="_created"/> and <see cref="_places"/> remember before they start again: a
    /// process that runs for months must not keep one entry per generation it ever saw, and forgetting costs one read.
    /// </summary>
    private const int Remembered = 1024;

    /// <summary>Generations this store has created the entry and table of: later writes of the same generation skip it.</summary>
    private readonly ConcurrentDictionary<string, Task> _created = new(StringComparer.Ordinal);

    /// <summary>Where each generation read so far keeps its rows (a generation never moves once written).</summary>
    private readonly ConcurrentDictionary<string, Place> _places = new(StringComparer.Ordinal);

    /// <summary>
    /// The name of the table holding a generation's rows: <c>snapshotgen</c> and 32 hex digits of a SHA-256 of the
    /// snapshots table's name, the dataset and the generation (table names allow letters and digits only, and datasets
    /// and generations hold other characters). The generation's entry in the <c>snapshots</c> table names it too.
    /// </summary>
    public string GenerationTable(string dataset, string generation) => GenerationTable(_snapshotsTable, dataset, generation);

    /// <summary>The name of the table holding a generation's rows, for the snapshots table named <paramref name="snapshotsTable"/>.</summary>
    public static string GenerationTable(string snapshotsTable, string dataset, string generation)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(snapshotsTable + "|" + RowKeys.Partition(dataset, generation)));
        return "snapshotgen" + Convert.ToHexStringLower(hash)[..32];
    }

    public async Task WriteAsync(string dataset, string generation, IReadOnlyList<SnapshotRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = await CreateAsync(dataset, generation, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batches = rows.Select(ToEntity).Where(e => seen.Add(e.RowKey))
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .SelectMany(metric => metric.Chunk(BatchSize));
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight, CancellationToken = cancellationToken },
            async (batch, token) => await table.SubmitTransactionAsync(
                batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));
    }

    /// <summary>
    /// The generation's table, after its entry and then the table itself exist: in that order, so that a write stopped
    /// half-way leaves an entry the sweep finds (and deletes with its table), never a table nothing names.
    /// </summary>
    private async Task<TableClient> CreateAsync(string dataset, string generation, CancellationToken cancellationToken)
    {
        var name = GenerationTable(dataset, generation);
        var key = RowKeys.Partition(dataset, generation);
        Forget(_created);
        var created = _created.GetOrAdd(key, _ => Task.Run(async () =>
        {
            await _table.UpsertEntityAsync(
                new TableEntity(key, EntryRowKey) { ["Table"] = name }, TableUpdateMode.Replace, CancellationToken.None);
            await _service.CreateTableIfNotExistsAsync(name, CancellationToken.None);
        }, CancellationToken.None));
        try
        {
            await created.WaitAsync(cancellationToken);
        }
        catch (Exception) when (created.IsFaulted)
        {
            // A failed creation is tried again by the next write rather than remembered.
            _created.TryRemove(new KeyValuePair<string, Task>(key, created));
            throw;
        }

        return RememberTable(key, name).Table;
    }

    public async Task<IReadOnlyList<SnapshotRow>> ReadAsync(
        string dataset, string generation, DateTimeOffset computedAt, DateOnly asOf, SnapshotQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var place = await PlaceAsync(dataset, generation, cancellationToken);
        var prefix = RowKeys.Prefix(query.Metric, query.Grain);
        var filter = (place.Legacy ?? PartitionsOf(prefix)) + " and " + RowKeysStarting(prefix);
        var rows = new List<SnapshotRow>();
        await foreach (var entity in QueryAsync(place.Table, filter, null, cancellationToken))
        {
            var row = FromEntity(dataset, generation, computedAt, asOf, entity);
            if (Matches(row, query))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>
    /// A generation's rows in RowKey order, narrowed by <paramref name="scan"/> on the service side, read a table page
    /// (at most 1,000 rows) at a time: a reader that stops early has read at most one page more than it used.
    /// </summary>
    public async IAsyncEnumerable<SnapshotRow> ScanAsync(
        string dataset, string generation, DateTimeOffset computedAt, DateOnly asOf, SnapshotScan scan,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var place = await PlaceAsync(dataset, generation, cancellationToken);
        var clauses = new List<string>();
        if ((place.Legacy ?? (scan.RowKeyPrefix is { } start ? PartitionsOf(start) : scan.After is { } next ? PartitionsFrom(next) : null)) is { } partitions)
        {
            clauses.Add(partitions);
        }

        if (scan.RowKeyPrefix is { } prefix)
        {
            clauses.Add(RowKeysStarting(prefix));
        }

        if (scan.After is { } after)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RowKey gt {after}"));
        }

        clauses.AddRange((scan.Conditions ?? []).Select(Clause));
        await foreach (var entity in QueryAsync(place.Table, clauses.Count == 0 ? null : string.Join(" and ", clauses), 1000, cancellationToken))
        {
            yield return FromEntity(dataset, generation, computedAt, asOf, entity);
        }
    }

    private static string Clause(SnapshotCondition condition)
    {
        var column = condition.Column.ToString();
        var comparison = condition.Comparison switch
        {
            SnapshotComparison.Equal => "eq",
            SnapshotComparison.NotEqual => "ne",
            SnapshotComparison.GreaterThan => "gt",
            SnapshotComparison.GreaterThanOrEqual => "ge",
            SnapshotComparison.LessThan => "lt",
            _ => "le",
        };

        // Column and operator come from enums; only the value is user text, quoted by the SDK.
        return column + " " + comparison + " " + TableClient.CreateQueryFilter($"{condition.Value}");
    }

    /// <summary>
    /// Where a generation's rows are: its own table, or (written before tables per generation) its partition of the
    /// <c>snapshots</c> table. Found once per generation by reading its entry.
    /// </summary>
    private async Task<Place> PlaceAsync(string dataset, string generation, CancellationToken cancellationToken)
    {
        var key = RowKeys.Partition(dataset, generation);
        if (_places.TryGetValue(key, out var known))
        {
            return known;
        }

        var entry = await _table.GetEntityIfExistsAsync<TableEntity>(key, EntryRowKey, ["Table"], cancellationToken);
        if (entry.HasValue)
        {
            return RememberTable(key, GenerationTable(dataset, generation));
        }

        // No entry: written before tables per generation, or not (or no longer) there at all, which reads as no rows
        // either way; not remembered, since a generation may yet be written under that name (and its entry, written
        // from now on, is no row).
        return new Place(_table, TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey ne {EntryRowKey}"));
    }

    /// <summary>Remembers that the generation of partition <paramref name="key"/> has its rows in table <paramref name="name"/>.</summary>
    private Place RememberTable(string key, string name)
    {
        Forget(_places);
        return _places[key] = new Place(_service.GetTableClient(name), null);
    }

    /// <summary>Starts <paramref name="remembered"/> again once it holds <see cref="Remembered"/> generations.</summary>
    private static void Forget<T>(ConcurrentDictionary<string, T> remembered)
    {
        if (remembered.Count >= Remembered)
        {
            remembered.Clear();
        }
    }

    /// <summary>
    /// The rows <paramref name="filter"/> matches in <paramref name="table"/>, in key order; none when the table does
    /// not exist or is being deleted (a generation deleted while a reader was paging through it).
    /// </summary>
    private static async IAsyncEnumerable<TableEntity> QueryAsync(
        TableClient table, string? filter, int? maxPerPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var rows = table.QueryAsync<TableEntity>(filter, maxPerPage, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await rows.MoveNextAsync();
            }
            catch (RequestFailedException e) when (e.Status == 404 || e.ErrorCode == TableBeingDeleted)
            {
                more = false;
            }

            if (!more)
            {
                yield break;
            }

            yield return rows.Current;
        }
    }

    /// <summary>
    /// A generation's table and, for a generation written before tables per generation, the filter on its partition of
    /// the <c>snapshots</c> table.
    /// </summary>
    private sealed record Place(TableClient Table, string? Legacy);

    /// <summary>The rows whose RowKey starts with <paramref name="prefix"/>, as a range the service reads in key order.</summary>
    private static string RowKeysStarting(string prefix) => TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {prefix + "~"}");

    /// <summary>The partitions of a generation's table that can hold rows whose RowKey starts with <paramref name="prefix"/>.</summary>
    private static string PartitionsOf(string prefix)
    {
        var metric = prefix.IndexOf('|', StringComparison.Ordinal);
        return metric >= 0
            ? TableClient.CreateQueryFilter($"PartitionKey eq {prefix[..(metric + 1)]}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + "~"}");
    }

    /// <summary>
    /// The partitions of a generation's table that can hold rows after the RowKey <paramref name="after"/>: its metric's
    /// and those after it, since partitions follow each other in the order of their rows' keys (<see cref="MetricPartition"/>).
    /// </summary>
    private static string PartitionsFrom(string after)
    {
        var metric = after.IndexOf('|', StringComparison.Ordinal);
        return TableClient.CreateQueryFilter($"PartitionKey ge {(metric >= 0 ? after[..(metric + 1)] : after)}");
    }

    /// <summary>
    /// A row's partition in its generation's table: its metric and the <c>|</c> that follows it in the RowKey. Ending
    /// with the <c>|</c> keeps the partitions in the order of their rows' keys (<c>aov-net|</c> before <c>aov|</c>, as
    /// <c>aov-net|month|…</c> comes before <c>aov|month|…</c>), so a scan of the whole table is in RowKey order.
    /// </summary>
    public static string MetricPartition(string metric) => RowKeys.Escape(metric) + "|";

    /// <summary>
    /// Every metric's rows for one period of one grain and one segment (every preset): the dashboard feed. One query
    /// over the generation's table, filtered by the service, however many metrics there are; rows in key order.
    /// </summary>
    public async Task<IReadOnlyList<SnapshotRow>> ReadPeriodAsync(
        string dataset, string generation, DateTimeOffset computedAt, DateOnly asOf, string grain, DateOnly periodStart, string segment,
        CancellationToken cancellationToken = default)
    {
        var place = await PlaceAsync(dataset, generation, cancellationToken);
        var start = periodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"Grain eq {grain} and PeriodStart eq {start} and Segment eq {segment}");
        var rows = new List<SnapshotRow>();
        await foreach (var entity in QueryAsync(place.Table, place.Legacy is { } legacy ? legacy + " and " + filter : filter, null, cancellationToken))
        {
            rows.Add(FromEntity(dataset, generation, computedAt, asOf, entity));
        }

        return rows;
    }

    /// <summary>
    /// The generations of the dataset that have an entry (or, written before tables per generation, rows), in key order. Table storage does not list partition keys, so this
    /// steps from one partition to the next: one query answered with one row's keys per generation, however many rows
    /// each holds, instead of reading every row.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListGenerationsAsync(string dataset, CancellationToken cancellationToken = default)
    {
        // Every key of the dataset starts "{dataset}|", and '}' is the character after '|': the range holds them all.
        var prefix = RowKeys.Escape(dataset) + "|";
        var end = RowKeys.Escape(dataset) + "}";
        var generations = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {end}");
        while (await FirstPartitionAsync(filter, cancellationToken) is { } partition)
        {
            generations.Add(RowKeys.Unescape(partition[prefix.Length..]));
            filter = TableClient.CreateQueryFilter($"PartitionKey gt {partition} and PartitionKey lt {end}");
        }

        return generations;
    }

    /// <summary>The partition key of the first row <paramref name="filter"/> matches, or null when none does.</summary>
    private async Task<string?> FirstPartitionAsync(string filter, CancellationToken cancellationToken)
    {
        // The service may answer a page with no rows and a continuation (a scan that crossed a boundary or ran out of
        // time), so the pages are followed until one holds a row.
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
        {
            if (page.Values.Count > 0)
            {
                return page.Values[0].PartitionKey;
            }
        }

        return null;
    }

    /// <summary>
    /// Removes a generation (a stale recompute, or one older than the previous): its table in one request, then its
    /// entry, in that order, so that a delete stopped half-way leaves the entry for the sweep to find again. A
    /// generation written before tables per generation has its rows deleted a batch at a time.
    /// </summary>
    public async Task DeleteGenerationAsync(string dataset, string generation, CancellationToken cancellationToken = default)
    {
        var partition = RowKeys.Partition(dataset, generation);
        var place = await PlaceAsync(dataset, generation, cancellationToken);
        _places.TryRemove(partition, out _);
        _created.TryRemove(partition, out _);
        if (place.Legacy is not { } legacy)
        {
            try
            {
                await _service.DeleteTableAsync(place.Table.Name, cancellationToken);
            }
            catch (RequestFailedException e) when (e.ErrorCode == TableBeingDeleted)
            {
                // An earlier delete that stopped before the entry: the table is already going.
            }

            await _table.DeleteEntityAsync(partition, EntryRowKey, cancellationToken: cancellationToken);
            return;
        }

        var keys = new List<string>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(legacy, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.RowKey);
        }

        await Parallel.ForEachAsync(
            keys.Chunk(BatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight, CancellationToken = cancellationToken },
            async (batch, token) => await _table.SubmitTransactionAsync(
                batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k))), token));
    }

    private static bool Matches(SnapshotRow row, SnapshotQuery query) =>
        (query.From is not { } from || row.PeriodStart >= from)
        && (query.To is not { } to || row.PeriodStart <= to)
        && (query.Preset is null || string.Equals(row.Preset ?? "", query.Preset, StringComparison.Ordinal))
        && SegmentMatches(row.Segment, query.Segment);

    private static bool SegmentMatches(string segment, string? wanted) => wanted switch
    {
        null => true,
        _ when wanted.EndsWith(":*", StringComparison.Ordinal) => segment.StartsWith(wanted[..^1], StringComparison.Ordinal),
        _ => string.Equals(segment, wanted, StringComparison.Ordinal),
    };

    private static TableEntity ToEntity(SnapshotRow r) =>
        new(MetricPartition(r.Metric), RowKeys.Row(r.Metric, r.Grain, r.Period, r.Segment, r.Preset))
        {
            ["Metric"] = r.Metric,
            ["Grain"] = r.Grain,
            ["Period"] = r.Period,
            ["PeriodStart"] = r.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["PeriodEnd"] = r.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Segment"] = r.Segment,
            ["Value"] = Text(r.Value),
            ["Numerator"] = Text(r.Numerator),
            ["Denominator"] = Text(r.Denominator),
            ["Unit"] = r.Unit,
            ["Preset"] = r.Preset,
            ["DefinitionVersion"] = r.DefinitionVersion,
            ["Partial"] = r.Partial,
            ["LowSample"] = r.LowSample,
            ["Warning"] = r.Warning,
        };

    private static SnapshotRow FromEntity(string dataset, string generation, DateTimeOffset computedAt, DateOnly asOf, TableEntity e) =>
        new(
            dataset,
            e.GetString("Metric"),
            e.GetString("Grain"),
            e.GetString("Period"),
            DateOnly.ParseExact(e.GetString("PeriodStart"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(e.GetString("PeriodEnd"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.GetString("Segment"),
            Number(e.GetString("Value")),
            Number(e.GetString("Numerator")),
            Number(e.GetString("Denominator")),
            e.GetString("Unit"),
            e.GetString("Preset"),
            e.GetInt32("DefinitionVersion") ?? 1,
            generation,
            computedAt,
            asOf,
            e.GetBoolean("Partial") ?? false,
            e.GetBoolean("LowSample") ?? false,
            e.GetString("Warning"));

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal? Number(string? text) => text is null ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
