using System.Globalization;
using Azure.Data.Tables;
using Centric.Domain.Snapshots;
using Centric.Storage.Connection;

namespace Centric.Storage.Snapshots;

/// <summary>
/// Snapshot generations in the <c>snapshots</c> table. A generation is written in full before the dataset's pointer
/// moves to it, so readers never see half a generation. Decimals are stored as invariant strings to stay exact.
/// </summary>
public sealed class SnapshotStore(StorageClients clients)
{
    private const int BatchSize = 100;

    /// <summary>
    /// Batches in flight at once: one batch at a time leaves a generation's write waiting on round trips (600 of them
    /// for 60,000 rows); a few at once stay well inside a partition's 2,000 entities per second.
    /// </summary>
    private const int BatchesInFlight = 4;
    private readonly TableClient _table = clients.Tables.GetTableClient(clients.Names.SnapshotsTable);

    public async Task WriteAsync(string dataset, string generation, IReadOnlyList<SnapshotRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var partition = RowKeys.Partition(dataset, generation);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entities = rows.Select(r => ToEntity(partition, r)).Where(e => seen.Add(e.RowKey));
        await Parallel.ForEachAsync(
            entities.Chunk(BatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight, CancellationToken = cancellationToken },
            async (batch, token) => await _table.SubmitTransactionAsync(
                batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));
    }

    public async Task<IReadOnlyList<SnapshotRow>> ReadAsync(
        string dataset, string generation, DateTimeOffset computedAt, DateOnly asOf, SnapshotQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var partition = RowKeys.Partition(dataset, generation);
        var prefix = RowKeys.Prefix(query.Metric, query.Grain);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var rows = new List<SnapshotRow>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
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
        var partition = RowKeys.Partition(dataset, generation);
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition}") };
        if (scan.RowKeyPrefix is { } prefix)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {prefix + "~"}"));
        }

        if (scan.After is { } after)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RowKey gt {after}"));
        }

        clauses.AddRange((scan.Conditions ?? []).Select(Clause));
        await foreach (var entity in _table.QueryAsync<TableEntity>(string.Join(" and ", clauses), maxPerPage: 1000, cancellationToken: cancellationToken))
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
    /// Every metric's rows for one period of one grain and one segment (every preset): the dashboard feed. One query
    /// over the generation's partition, filtered by the service, however many metrics there are; rows in key order.
    /// </summary>
    public async Task<IReadOnlyList<SnapshotRow>> ReadPeriodAsync(
        string dataset, string generation, DateTimeOffset computedAt, DateOnly asOf, string grain, DateOnly periodStart, string segment,
        CancellationToken cancellationToken = default)
    {
        var partition = RowKeys.Partition(dataset, generation);
        var start = periodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and Grain eq {grain} and PeriodStart eq {start} and Segment eq {segment}");
        var rows = new List<SnapshotRow>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(dataset, generation, computedAt, asOf, entity));
        }

        return rows;
    }

    /// <summary>
    /// The generations of the dataset that have rows, in key order. Table storage does not list partition keys, so this
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

    /// <summary>Removes a generation's rows (a stale recompute, or one older than the previous).</summary>
    public async Task DeleteGenerationAsync(string dataset, string generation, CancellationToken cancellationToken = default)
    {
        var partition = RowKeys.Partition(dataset, generation);
        var keys = new List<string>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
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

    private static TableEntity ToEntity(string partition, SnapshotRow r) =>
        new(partition, RowKeys.Row(r.Metric, r.Grain, r.Period, r.Segment, r.Preset))
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
