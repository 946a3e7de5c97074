using Azure.Storage.Blobs;
using Centric.Domain.Families.Fanout;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Storage.Connection;
using Centric.Storage.Partials;
using Centric.Testing;

namespace Centric.Storage.Tests;

/// <summary>
/// The partials of a fanned-out compute in Blob, on a real Azurite: written and read back, and the sweep of abandoned
/// generations' partials.
/// </summary>
public sealed class PartialStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
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

    [Fact]
    public async Task Partials_RoundTrip_WithTheirDivisor_AndAPartialWrittenWithoutOneDividesByOne()
    {
        var store = new PartialStore(_clients);
        var (grain, start, end, label) = (Grain.Month, new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 1), "2025-03");
        PartialValue[] values =
        [
            new("onboarding-time-avg", null, grain, start, end, label, "*", 864002160000m, 4m, 1m, MetricUnit.Days, 1,
                TimeSpan.TicksPerDay),
            new("nps", null, grain, start, end, label, "touchpoint:checkout", 3m, 7m, 100m, MetricUnit.Score, 1),
        ];
        await store.WriteAsync("shop", "g1", new PartialFile(0, 2, "w1", new DateOnly(2025, 4, 30), values));

        var read = await store.ReadAsync("shop", "g1", 0, 2);
        Assert.Equal(values, read.Values);
        Assert.Equal(new DateOnly(2025, 4, 30), read.AsOf);

        // A partial written before numerators could be kept in smaller units has no divisor: it reads as 1.
        var scores = _clients.Blobs.GetBlobContainerClient(_clients.Names.Scores);
        var written = (await scores.GetBlobClient(PartialStore.BlobName("shop", "g1", 0, 2)).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("\"divisor\":864000000000", written, StringComparison.Ordinal);
        var withoutDivisor = written
            .Replace(",\"divisor\":864000000000", "", StringComparison.Ordinal)
            .Replace(",\"divisor\":1", "", StringComparison.Ordinal);
        Assert.DoesNotContain("divisor", withoutDivisor, StringComparison.Ordinal);
        await scores.GetBlobClient(PartialStore.BlobName("shop", "g1", 1, 2)).UploadAsync(BinaryData.FromString(withoutDivisor));
        Assert.Equal([1m, 1m], (await store.ReadAsync("shop", "g1", 1, 2)).Values.Select(v => v.Divisor));
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
