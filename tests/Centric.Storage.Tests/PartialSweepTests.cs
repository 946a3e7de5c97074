using Azure.Storage.Blobs;
using Centric.Storage.Connection;
using Centric.Storage.Partials;
using Centric.Testing;

namespace Centric.Storage.Tests;

/// <summary>The sweep of abandoned fanned-out generations' partials, on a real Azurite.</summary>
public sealed class PartialSweepTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly StorageClients _clients = StorageClients.FromConnectionString(azurite.ConnectionString, StorageTestNames.Unique());

    public Task InitializeAsync() => _clients.EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sweep_DeletesOnlyGenerationsWhoseNewestPartialIsOlderThanTheCutoff()
    {
        var store = new PartialStore(_clients);
        var scores = _clients.Blobs.GetBlobContainerClient(_clients.Names.Scores);
        await store.WriteAsync("shop", "g-old", new PartialFile(0, 2, "w1", null, []));
        await store.WriteAsync("shop", "g-old", new PartialFile(1, 2, "w1", null, []));
        await store.WriteAsync("other-shop", "g-old", new PartialFile(0, 1, "w1", null, []));
        await scores.GetBlobClient("shop/g-old.json").UploadAsync(BinaryData.FromString("{}"));

        // Blob times have whole seconds: the newer generation is written in a later second.
        await Task.Delay(TimeSpan.FromSeconds(2.1));
        await store.WriteAsync("shop", "g-new", new PartialFile(0, 2, "w2", null, []));
        var newWrittenAt = (await scores.GetBlobClient(PartialStore.BlobName("shop", "g-new", 0, 2)).GetPropertiesAsync()).Value.LastModified;

        Assert.Empty(await store.SweepAsync("shop", newWrittenAt.AddHours(-1)));
        Assert.Equal(["g-old"], await store.SweepAsync("shop", newWrittenAt));

        Assert.Equal(
            ["other-shop/g-old.partials/0000-of-0001.json", "shop/g-new.partials/0000-of-0002.json", "shop/g-old.json"],
            await Names(scores));
        Assert.Equal(["g-new"], await store.SweepAsync("shop", newWrittenAt.AddSeconds(1)));
        Assert.Empty(await store.SweepAsync("no-such-shop", newWrittenAt.AddDays(1)));
        Assert.Equal(["other-shop/g-old.partials/0000-of-0001.json", "shop/g-old.json"], await Names(scores));
    }

    private static async Task<List<string>> Names(BlobContainerClient container)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }
}
