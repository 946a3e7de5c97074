using Centric.Domain.Families.CustomerLists;
using Centric.Domain.Snapshots;
using Centric.Storage.Connection;
using Centric.Storage.Partials;
using Centric.Storage.Scores;
using Centric.Storage.Snapshots;
using Centric.Testing;

namespace Centric.Storage.Tests;

/// <summary>
/// Which generations of a dataset have rows, blobs or partials, on a real Azurite: only the dataset's own, not those of a
/// dataset whose name starts the same, however many rows each generation holds.
/// </summary>
public sealed class GenerationListingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly StorageClients _clients = StorageClients.FromConnectionString(azurite.ConnectionString, StorageTestNames.Unique());

    public Task InitializeAsync() => _clients.EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Snapshots_ListEachGenerationOnce_OfThatDatasetOnly()
    {
        var store = new SnapshotStore(_clients);
        await store.WriteAsync("shop", "g2", Rows(250));
        await store.WriteAsync("shop", "g1", Rows(3));
        await store.WriteAsync("shop", "g|3", Rows(1));
        await store.WriteAsync("shop-eu", "g9", Rows(1));
        await store.WriteAsync("shopx", "g8", Rows(1));
        await store.WriteAsync("sho", "g7", Rows(1));

        Assert.Equal(["g1", "g2", "g|3"], (await store.ListGenerationsAsync("shop")).Order(StringComparer.Ordinal));
        Assert.Equal(["g9"], await store.ListGenerationsAsync("shop-eu"));
        Assert.Empty(await store.ListGenerationsAsync("nobody"));
    }

    [Fact]
    public async Task Blobs_ListGenerationsWithScoresCohortsOrLists_AndPartialsApart()
    {
        using var scores = new ScoresStore(_clients);
        var partials = new PartialStore(_clients);
        Assert.Empty(await scores.ListGenerationsAsync("shop"));
        await scores.WriteCohortsAsync("shop", "g1", []);
        await scores.WriteCohortsAsync("shop", "g2", []);
        await scores.WriteCustomerListsAsync("shop", "g2", CustomerListSet.Empty);
        await scores.WriteCustomerListsAsync("shop", "g3", CustomerListSet.Empty);
        await scores.WriteCohortsAsync("shopx", "g4", []);
        await partials.WriteAsync("shop", "g5", new PartialFile(0, 2, "w", null, []));
        await partials.WriteAsync("shop", "g5", new PartialFile(1, 2, "w", null, []));
        await partials.WriteAsync("shop", "g1", new PartialFile(0, 1, "w", null, []));
        await _clients.Blobs.GetBlobContainerClient(_clients.Names.Scores).GetBlobClient("shop/compute.lock").UploadAsync(BinaryData.Empty);

        Assert.Equal(["g1", "g2", "g3"], await scores.ListGenerationsAsync("shop"));
        Assert.Equal(["g1", "g5"], (await partials.ListGenerationsAsync("shop")).Order(StringComparer.Ordinal));
        Assert.Empty(await partials.ListGenerationsAsync("shopx"));
    }

    private static List<SnapshotRow> Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SnapshotRow(
            "ignored", "orders", "month", $"p{i:D4}", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31), "all", i, null, null,
            "count", null, 1, "ignored", DateTimeOffset.UnixEpoch, new DateOnly(2025, 1, 31), false, false))];
}
