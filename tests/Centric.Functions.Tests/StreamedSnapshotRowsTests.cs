using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Centric.Domain.Metrics;
using Centric.Domain.Snapshots;
using Centric.Domain.Time;
using Centric.Engine.Compute;
using Centric.Pipeline.Compute;
using Centric.Storage.Connection;
using Centric.Storage.Snapshots;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// A generation's rows written family by family while the compute goes on, against a real Azurite: what is handed over
/// is in the table before the compute ends, all of it once it completes, and a write that fails stops the compute.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class StreamedSnapshotRowsTests(AzuriteFixture azurite)
{
    private static readonly DateOnly AsOf = new(2026, 3, 31);
    private static readonly DateTimeOffset ComputedAt = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AFamilysRows_AreInTheTableBeforeTheNextFamilyIsHandedOver_AndAllOfThemOnceComplete()
    {
        var clients = await ClientsAsync(created: true);
        var store = new SnapshotStore(clients);
        var first = Family("orders", 250, "revenue");
        var second = Family("tickets", 130, "resolution-time-avg");

        await using (var streamed = new StreamedSnapshotRows(store, "shop", "g1", ComputedAt, CancellationToken.None))
        {
            streamed.Add(first);

            // The compute would now run the next family; the first one's rows reach the table meanwhile.
            var seen = await WaitForRowsAsync(store, "g1", 250);
            Assert.Equal(250, seen);

            streamed.Add(second);
            Assert.Equal(380, await streamed.CompleteAsync());
        }

        var rows = await ReadAllAsync(store, "g1");
        var expected = first.Values.Concat(second.Values)
            .Select(v => SnapshotRows.From(v, "shop", "g1", ComputedAt, AsOf, "EUR"))
            .Select(Key).Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows.Select(Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AWriteThatFails_StopsTheComputeAtItsNextFamily_AndIsRethrownWhenCompleting()
    {
        // The snapshots table was never created: every write is refused.
        var clients = await ClientsAsync(created: false);
        await using var streamed = new StreamedSnapshotRows(new SnapshotStore(clients), "shop", "g2", ComputedAt, CancellationToken.None);
        streamed.Add(Family("orders", 10, "revenue"));

        RequestFailedException? stopped = null;
        for (var attempt = 0; attempt < 300 && stopped is null; attempt++)
        {
            try
            {
                streamed.Add(Family("tickets", 10, "resolution-time-avg"));
                await Task.Delay(100);
            }
            catch (RequestFailedException e)
            {
                stopped = e;
            }
        }

        Assert.NotNull(stopped);
        Assert.Equal(404, stopped.Status);
        var completing = await Assert.ThrowsAnyAsync<RequestFailedException>(streamed.CompleteAsync);
        Assert.Equal(404, completing.Status);
    }

    private async Task<StorageClients> ClientsAsync(bool created)
    {
        var clients = new StorageClients(
            new BlobServiceClient(azurite.ConnectionString),
            new QueueServiceClient(azurite.ConnectionString),
            new TableServiceClient(azurite.ConnectionString),
            StorageTestNames.Unique());
        if (created)
        {
            await clients.EnsureCreatedAsync();
        }

        return clients;
    }

    /// <summary>Polls the generation until it holds <paramref name="count"/> rows (at most 30 s); the rows it held last.</summary>
    private static async Task<int> WaitForRowsAsync(SnapshotStore store, string generation, int count)
    {
        var held = 0;
        for (var attempt = 0; attempt < 300 && held < count; attempt++)
        {
            held = (await ReadAllAsync(store, generation)).Count;
            if (held < count)
            {
                await Task.Delay(100);
            }
        }

        return held;
    }

    private static async Task<List<SnapshotRow>> ReadAllAsync(SnapshotStore store, string generation)
    {
        var rows = new List<SnapshotRow>();
        await foreach (var row in store.ScanAsync("shop", generation, ComputedAt, AsOf, new SnapshotScan()))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static string Key(SnapshotRow r) => $"{r.Metric}|{r.Grain}|{r.Period}|{r.Segment}|{r.Value}|{r.Numerator}|{r.Denominator}|{r.Unit}";

    /// <summary>One family's values: one metric over <paramref name="count"/> distinct segments of March 2026.</summary>
    private static FamilyValues Family(string family, int count, string metric)
    {
        var march = new Period(Grain.Month, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), "2026-03");
        var values = Enumerable.Range(0, count)
            .Select(i => new MetricValue(metric, null, march, $"country:C{i:D3}", i + 0.5m, i + 0.5m, 1m, MetricUnit.Currency, 1, false, false))
            .ToArray();
        return new FamilyValues(family, AsOf, "EUR", values);
    }
}
