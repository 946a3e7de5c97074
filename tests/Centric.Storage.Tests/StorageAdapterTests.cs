using Centric.Domain.Snapshots;
using Centric.Storage.Connection;
using Centric.Storage.Datasets;
using Centric.Storage.Ingestions;
using Centric.Storage.Snapshots;
using Centric.Testing;

namespace Centric.Storage.Tests;

/// <summary>The storage adapters on a real Azurite, each test class with its own containers, queues and tables.</summary>
public sealed class StorageAdapterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly StorageClients _clients = StorageClients.FromConnectionString(azurite.ConnectionString, StorageTestNames.Unique());

    public Task InitializeAsync() => _clients.EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static SnapshotRow Row(string segment, decimal? value, string? preset = null, string period = "2026-01") => new(
        "shop", "churn-rate", "month", period, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), segment, value, 2m, value is null ? 0m : 1.290323m,
        "percent", preset, 1, "g1", DateTimeOffset.UnixEpoch, new DateOnly(2026, 1, 31), false, segment != "*");

    [Fact]
    public async Task Snapshots_RoundTripExactDecimalsNullsAndAwkwardSegments()
    {
        var store = new SnapshotStore(_clients);
        SnapshotRow[] rows =
        [
            Row("*", 155.000001m, "average"),
            Row("*", null, "start"),
            Row("country:N/A #1?", 0.1234567890123456789m, "average"),
        ];

        await store.WriteAsync("shop", "g1", rows);
        var read = await store.ReadAsync("shop", "g1", DateTimeOffset.UnixEpoch, new DateOnly(2026, 1, 31), new SnapshotQuery("churn-rate", "month", Segment: null));

        Assert.Equal(rows.OrderBy(r => r.Segment, StringComparer.Ordinal).ThenBy(r => r.Preset, StringComparer.Ordinal),
            read.OrderBy(r => r.Segment, StringComparer.Ordinal).ThenBy(r => r.Preset, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Snapshots_FilterBySegmentWildcardPeriodAndPreset()
    {
        var store = new SnapshotStore(_clients);
        await store.WriteAsync("shop", "g2", [Row("*", 1m, "average"), Row("country:ES", 2m, "average"), Row("country:IT", 3m, "start"), Row("*", 4m, "average", "2026-02")]);

        async Task<decimal?[]> ValuesAsync(SnapshotQuery query) =>
            [.. (await store.ReadAsync("shop", "g2", DateTimeOffset.UnixEpoch, new DateOnly(2026, 2, 28), query)).Select(r => r.Value).Order()];

        Assert.Equal([2m, 3m], await ValuesAsync(new SnapshotQuery("churn-rate", "month", Segment: "country:*")));
        Assert.Equal([2m], await ValuesAsync(new SnapshotQuery("churn-rate", "month", Segment: "country:*", Preset: "average")));
        Assert.Empty(await ValuesAsync(new SnapshotQuery("churn-rate", "quarter")));
    }

    [Fact]
    public async Task Snapshots_DeleteGeneration_RemovesOnlyThatGeneration()
    {
        var store = new SnapshotStore(_clients);
        var rows = Enumerable.Range(0, 250).Select(i => Row("segment:" + i, i)).ToArray();
        await store.WriteAsync("shop", "old", rows);
        await store.WriteAsync("shop", "new", rows);

        await store.DeleteGenerationAsync("shop", "old");

        var query = new SnapshotQuery("churn-rate", "month", Segment: null);
        Assert.Empty(await store.ReadAsync("shop", "old", DateTimeOffset.UnixEpoch, new DateOnly(2026, 1, 31), query));
        Assert.Equal(250, (await store.ReadAsync("shop", "new", DateTimeOffset.UnixEpoch, new DateOnly(2026, 1, 31), query)).Count);
    }

    [Fact]
    public async Task DatasetPointer_UpdatedByAnotherWriter_RefusesAStaleReplace()
    {
        var registry = new DatasetRegistry(_clients);
        Assert.True(await registry.TryReplaceAsync(new DatasetRecord { RowKey = "shop", CurrentGeneration = "g1" }));
        var mine = (await registry.GetAsync("shop"))!;
        var theirs = (await registry.GetAsync("shop"))!;

        theirs.CurrentGeneration = "g2";
        Assert.True(await registry.TryReplaceAsync(theirs));
        mine.CurrentGeneration = "g3";

        Assert.False(await registry.TryReplaceAsync(mine));
        Assert.Equal("g2", (await registry.GetAsync("shop"))!.CurrentGeneration);
        Assert.False(await registry.TryReplaceAsync(new DatasetRecord { RowKey = "shop", CurrentGeneration = "g4" }));
    }

    [Fact]
    public async Task Ledger_TryAdd_LetsOneWriterQueueABlobVersion()
    {
        var ledger = new IngestionLedger(_clients);
        var id = IngestionLedger.IngestionId("shop/orders/a.csv", "\"0x1\"", DateTimeOffset.UnixEpoch, "p1");

        Assert.True(await ledger.TryAddAsync(new IngestionRecord { PartitionKey = "shop", RowKey = id, Blob = "shop/orders/a.csv" }));
        Assert.False(await ledger.TryAddAsync(new IngestionRecord { PartitionKey = "shop", RowKey = id, Blob = "shop/orders/a.csv" }));
    }

    [Theory]
    [InlineData("shop/orders/a.csv", "\"0x1\"", "p1", "shop/orders/a.csv", "0x1", "p1", true)]
    [InlineData("shop/orders/a.csv", "\"0x1\"", "p1", "shop/orders/a.csv", "\"0x2\"", "p1", false)]
    [InlineData("shop/orders/a.csv", "\"0x1\"", "p1", "shop/orders/a.csv", "\"0x1\"", "p2", false)]
    [InlineData("shop/orders/a.csv", "\"0x1\"", "p1", "shop/orders/b.csv", "\"0x1\"", "p1", false)]
    public void IngestionId_IsTheSameExactlyForTheSameBlobVersionAndParsing(string blobA, string etagA, string parsingA, string blobB, string etagB, string parsingB, bool same)
    {
        var a = IngestionLedger.IngestionId(blobA, etagA, DateTimeOffset.UnixEpoch, parsingA);
        var b = IngestionLedger.IngestionId(blobB, etagB, DateTimeOffset.UnixEpoch, parsingB);

        Assert.Equal(same, a == b);
        Assert.StartsWith("19700101T000000000Z-", a, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("country:ES", "country:ES")]
    [InlineData("country:N/A", "country:N%2FA")]
    [InlineData("plan:50%#?", "plan:50%25%23%3F")]
    [InlineData("a|b\\c", "a%7Cb%5Cc")]
    public void RowKeys_EscapeWhatTableStorageForbids(string part, string escaped) => Assert.Equal(escaped, RowKeys.Escape(part));
}
