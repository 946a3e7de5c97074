using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Centric.Domain.Snapshots;
using Centric.Storage.Connection;
using Centric.Storage.Snapshots;
using Centric.Testing;

namespace Centric.Storage.Tests;

/// <summary>
/// A generation's rows in a table of its own, one partition per metric, on a real Azurite: what lands where, that a scan
/// of the whole generation still comes in RowKey order across the partitions and resumes after any row, that retiring a
/// generation is one table delete, and that a generation written before tables per generation is still read, listed and
/// deleted.
/// </summary>
public sealed class GenerationTableTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2026, 3, 31);

    /// <summary>
    /// Metrics whose order as names differs from the order of their RowKeys: "aov" sorts before "aov-net" as a word, but
    /// "aov|…" after "aov-net|…" as a key, since '|' comes after '-'.
    /// </summary>
    private static readonly string[] Metrics = ["aov", "aov-net", "revenue", "churn-rate", "a/b"];

    private readonly TableRequestLog _requests = new();
    private StorageClients _clients = null!;

    public Task InitializeAsync()
    {
        _clients = _requests.Clients(azurite);
        return _clients.EnsureCreatedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Write_PutsRowsInTheGenerationsOwnTable_OnePartitionPerMetric_AndOneEntryInSnapshots()
    {
        var store = new SnapshotStore(_clients);
        var rows = Rows();
        await store.WriteAsync("shop", "g1", rows);

        var entries = await EntitiesAsync(_clients.Tables.GetTableClient(_clients.Names.SnapshotsTable));
        var entry = Assert.Single(entries);
        Assert.Equal(("shop|g1", "generation"), (entry.PartitionKey, entry.RowKey));
        Assert.Equal(store.GenerationTable("shop", "g1"), entry.GetString("Table"));

        var stored = await EntitiesAsync(_clients.Tables.GetTableClient(store.GenerationTable("shop", "g1")));
        Assert.Equal(rows.Count, stored.Count);
        var perPartition = stored.GroupBy(e => e.PartitionKey).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            Metrics.Select(m => RowKeys.Escape(m) + "|").Order(StringComparer.Ordinal),
            perPartition.Keys.Order(StringComparer.Ordinal));
        Assert.All(perPartition.Values, count => Assert.Equal(rows.Count / Metrics.Length, count));
        Assert.All(stored, e => Assert.StartsWith(e.PartitionKey, e.RowKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_OfTheWholeGeneration_IsInRowKeyOrder_AndResumesAfterAnyRow()
    {
        var store = new SnapshotStore(_clients);
        var rows = Rows();
        await store.WriteAsync("shop", "g1", rows);
        var keys = rows.Select(Key).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(keys, (await ScanAsync(store, "g1", new SnapshotScan())).Select(Key));
        for (var i = 0; i < keys.Count; i += 7)
        {
            Assert.Equal(keys.Skip(i + 1), (await ScanAsync(store, "g1", new SnapshotScan(After: keys[i]))).Select(Key));
        }

        var aov = RowKeys.Escape("aov") + "|";
        Assert.Equal(keys.Where(k => k.StartsWith(aov, StringComparison.Ordinal)), (await ScanAsync(store, "g1", new SnapshotScan(aov))).Select(Key));
        var monthly = RowKeys.Prefix("a/b", "month");
        Assert.Equal(
            keys.Where(k => k.StartsWith(monthly, StringComparison.Ordinal)).Skip(2),
            (await ScanAsync(store, "g1", new SnapshotScan(monthly, keys.Where(k => k.StartsWith(monthly, StringComparison.Ordinal)).ElementAt(1)))).Select(Key));
    }

    [Fact]
    public async Task Delete_DropsTheGenerationsTableWithoutABatch_AndItsEntry_AndReadsOfItFindNothing()
    {
        var store = new SnapshotStore(_clients);
        await store.WriteAsync("shop", "old", Rows());
        await store.WriteAsync("shop", "new", Rows());
        var table = store.GenerationTable("shop", "old");

        _requests.Clear();
        await store.DeleteGenerationAsync("shop", "old");

        Assert.DoesNotContain(_requests.All, r => r.Contains("$batch", StringComparison.Ordinal));
        Assert.Contains(_requests.All, r => r.StartsWith("DELETE", StringComparison.Ordinal) && r.Contains($"Tables('{table}')", StringComparison.Ordinal));
        Assert.Empty(await TableNamesAsync(table));
        Assert.Equal(["new"], await store.ListGenerationsAsync("shop"));
        Assert.Empty(await ScanAsync(store, "old", new SnapshotScan()));
        Assert.Empty(await store.ReadAsync("shop", "old", DateTimeOffset.UnixEpoch, AsOf, new SnapshotQuery("aov", "month")));
        Assert.Empty(await store.ReadPeriodAsync("shop", "old", DateTimeOffset.UnixEpoch, AsOf, "month", new DateOnly(2026, 1, 1), "*"));
        Assert.Equal(Rows().Count, (await ScanAsync(store, "new", new SnapshotScan())).Count);

        // Deleting again (a sweep after a delete that stopped half-way) finds nothing left and does not fail.
        await store.DeleteGenerationAsync("shop", "old");
    }

    [Fact]
    public async Task Delete_StoppedBetweenTheTableAndTheEntry_IsFinishedByTheNextDelete()
    {
        var store = new SnapshotStore(_clients);
        await store.WriteAsync("shop", "g1", Rows());

        // What a delete stopped after its first request leaves: the entry without its table.
        await _clients.Tables.DeleteTableAsync(store.GenerationTable("shop", "g1"));
        Assert.Equal(["g1"], await store.ListGenerationsAsync("shop"));

        await new SnapshotStore(_clients).DeleteGenerationAsync("shop", "g1");

        Assert.Empty(await store.ListGenerationsAsync("shop"));
        Assert.Empty(await EntitiesAsync(_clients.Tables.GetTableClient(_clients.Names.SnapshotsTable)));
    }

    [Fact]
    public async Task TableStillBeingDeletedInAzure_IsTakenAsGone_ByTheDeleteAndByReaders()
    {
        var store = new SnapshotStore(_clients);
        await store.WriteAsync("shop", "g1", Rows());
        var table = store.GenerationTable("shop", "g1");
        using var beingDeleted = new TableBeingDeletedAnswer(table);
        using var http = new HttpClient(beingDeleted);
        var options = new TableClientOptions { Transport = new HttpClientTransport(http) };
        var azure = new StorageClients(
            _clients.Blobs, _clients.Queues, new TableServiceClient(azurite.ConnectionString, options), _clients.Names);

        // A reader paging through the generation while it is deleted, and a second delete (the sweep after a delete
        // that stopped between the table and the entry), both meet Azure's 409 TableBeingDeleted.
        Assert.Empty(await ScanAsync(new SnapshotStore(azure), "g1", new SnapshotScan()));
        await new SnapshotStore(azure).DeleteGenerationAsync("shop", "g1");

        Assert.True(beingDeleted.Answered >= 2);
        Assert.Empty(await store.ListGenerationsAsync("shop"));
    }

    [Fact]
    public async Task Legacy_GenerationWrittenInTheSnapshotsTable_IsReadListedAndDeleted()
    {
        var store = new SnapshotStore(_clients);
        var rows = Rows();
        await store.WriteAsync("shop", "model", rows);

        // A generation as stored before tables per generation: the same entities under PartitionKey "shop|old" of the
        // snapshots table, and no entry.
        var snapshots = _clients.Tables.GetTableClient(_clients.Names.SnapshotsTable);
        foreach (var batch in (await EntitiesAsync(_clients.Tables.GetTableClient(store.GenerationTable("shop", "model")))).Chunk(100))
        {
            await snapshots.SubmitTransactionAsync(batch.Select(e =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(e) { PartitionKey = "shop|old" })));
        }

        var reader = new SnapshotStore(_clients);
        Assert.Equal(["model", "old"], (await reader.ListGenerationsAsync("shop")).Order(StringComparer.Ordinal));
        Assert.Equal(await ScanAsync(reader, "model", new SnapshotScan()), await ScanAsync(reader, "old", new SnapshotScan()));
        var key = rows.Select(Key).Order(StringComparer.Ordinal).ElementAt(9);
        Assert.Equal(await ScanAsync(reader, "model", new SnapshotScan(After: key)), await ScanAsync(reader, "old", new SnapshotScan(After: key)));
        var query = new SnapshotQuery("aov-net", "quarter");
        Assert.Equal(
            (await reader.ReadAsync("shop", "model", DateTimeOffset.UnixEpoch, AsOf, query)).Select(Key),
            (await reader.ReadAsync("shop", "old", DateTimeOffset.UnixEpoch, AsOf, query)).Select(Key));
        Assert.Equal(
            (await reader.ReadPeriodAsync("shop", "model", DateTimeOffset.UnixEpoch, AsOf, "month", new DateOnly(2026, 2, 1), "*")).Select(Key),
            (await reader.ReadPeriodAsync("shop", "old", DateTimeOffset.UnixEpoch, AsOf, "month", new DateOnly(2026, 2, 1), "*")).Select(Key));

        await reader.DeleteGenerationAsync("shop", "old");

        Assert.Equal(["model"], await reader.ListGenerationsAsync("shop"));
        var left = await EntitiesAsync(snapshots);
        Assert.Equal([("shop|model", "generation")], left.Select(e => (e.PartitionKey, e.RowKey)));
    }

    /// <summary>Each metric at two grains, three periods and two segments, one row with a preset.</summary>
    private static List<SnapshotRow> Rows() =>
    [
        .. from metric in Metrics
           from grain in new[] { "month", "quarter" }
           from month in new[] { 1, 2, 3 }
           from segment in new[] { "*", "country:ES" }
           let start = new DateOnly(2026, month, 1)
           select new SnapshotRow(
               "shop", metric, grain, grain == "month" ? $"2026-{month:D2}" : $"2026-Q{month}", start, start.AddMonths(1).AddDays(-1),
               segment, month * 1.5m, null, null, "count", null, 1, "g", DateTimeOffset.UnixEpoch, AsOf, false, false),
    ];

    private static string Key(SnapshotRow r) => RowKeys.Row(r.Metric, r.Grain, r.Period, r.Segment, r.Preset);

    private static async Task<List<SnapshotRow>> ScanAsync(SnapshotStore store, string generation, SnapshotScan scan)
    {
        var rows = new List<SnapshotRow>();
        await foreach (var row in store.ScanAsync("shop", generation, DateTimeOffset.UnixEpoch, AsOf, scan))
        {
            rows.Add(row with { Generation = "" });
        }

        return rows;
    }

    private static async Task<List<TableEntity>> EntitiesAsync(TableClient table)
    {
        var entities = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            entities.Add(entity);
        }

        return entities;
    }

    private async Task<List<string>> TableNamesAsync(string name)
    {
        var names = new List<string>();
        await foreach (var table in _clients.Tables.QueryAsync(TableClient.CreateQueryFilter($"TableName eq {name}")))
        {
            names.Add(table.Name);
        }

        return names;
    }
}
