using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Centric.Domain.Snapshots;
using Centric.Engine.Compute;
using Centric.Pipeline;
using Centric.Storage.Datasets;
using Centric.Storage.Partials;
using Centric.Storage.Scores;
using Centric.Storage.Snapshots;
using Centric.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Centric.Functions.Tests;

/// <summary>
/// A publish deletes the generations computes left behind, on real Azurite through the real pipeline. What a killed
/// compute leaves is written with the stores it writes with: the rows it streamed and the scores, cohorts and customer
/// lists it wrote before it would have published, under a generation named when it started. The next publish deletes
/// them when that name is past the function timeout, and keeps the current and previous generations, a generation
/// named too recently to be over, and a fanned-out one whose merge still has its partials.
/// </summary>
public sealed class GenerationSweepTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private const string Dataset = "sweep";

    private const string MoreOrdersCsv =
        "order_id,customer_id,order_date,amount,currency,status\n" +
        "o9,c4,2025-02-15,30.00,EUR,completed\n";

    private const string LaterOrdersCsv =
        "order_id,customer_id,order_date,amount,currency,status\n" +
        "o10,c5,2025-02-20,12.00,EUR,completed\n";

    [Fact]
    public async Task AbandonedGeneration_IsDeletedByTheNextPublish_WhileCurrentPreviousRecentAndFannedOutOnesStay()
    {
        var first = await PublishAsync("first.csv", PipelineTests.OrdersCsv);
        var timeout = Factory.Services.GetRequiredService<FunctionLimits>().FunctionTimeout;
        var now = DateTimeOffset.UtcNow;
        var abandoned = await LeaveBehindAsync(first, now - timeout - TimeSpan.FromMinutes(5));
        var recent = await LeaveBehindAsync(first, now - TimeSpan.FromSeconds(30));
        var fannedOut = await LeaveBehindAsync(first, now - timeout - TimeSpan.FromMinutes(4));
        await new PartialStore(Factory.Clients).WriteAsync(Dataset, fannedOut, new PartialFile(0, 2, "w", null, []));
        var rows = await RowCountAsync(first);
        Assert.True(rows > 0);
        Assert.Equal(rows, await RowCountAsync(abandoned));
        Assert.Equal(3, await BlobCountAsync(abandoned));

        var second = await PublishAsync("second.csv", MoreOrdersCsv);

        Assert.Equal(0, await RowCountAsync(abandoned));
        Assert.Equal(0, await BlobCountAsync(abandoned));
        Assert.Equal(rows, await RowCountAsync(first));
        Assert.Equal(3, await BlobCountAsync(first));
        Assert.True(await RowCountAsync(second) > 0);
        Assert.Equal(3, await BlobCountAsync(second));
        foreach (var kept in new[] { recent, fannedOut })
        {
            Assert.Equal(rows, await RowCountAsync(kept));
            Assert.Equal(3, await BlobCountAsync(kept));
        }
    }

    [Fact]
    public async Task SweepThatFails_DoesNotFailThePublish_AndTheNextPublishSweepsAgain()
    {
        var first = await PublishAsync("first.csv", PipelineTests.OrdersCsv);
        var timeout = Factory.Services.GetRequiredService<FunctionLimits>().FunctionTimeout;
        var abandoned = await LeaveBehindAsync(first, DateTimeOffset.UtcNow - timeout - TimeSpan.FromMinutes(5));

        // A leased blob cannot be deleted without its lease id: storage refuses the sweep's delete (412).
        var lease = Scores.GetBlobClient(ScoresStore.BlobName(Dataset, abandoned)).GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(-1));
        var second = await PublishAsync("second.csv", MoreOrdersCsv);
        Assert.True(await Scores.GetBlobClient(ScoresStore.BlobName(Dataset, abandoned)).ExistsAsync());
        Assert.True(await RowCountAsync(second) > 0);

        await lease.ReleaseAsync();
        await PublishAsync("third.csv", LaterOrdersCsv);
        Assert.Equal(0, await RowCountAsync(abandoned));
        Assert.Equal(0, await BlobCountAsync(abandoned));
    }

    private BlobContainerClient Scores => Factory.Clients.Blobs.GetBlobContainerClient(Factory.Names.Scores);

    /// <summary>Drops an orders export, runs the pipeline to the end (every invocation answering 200) and returns the generation it published.</summary>
    private async Task<string> PublishAsync(string file, string csv)
    {
        var registry = new DatasetRegistry(Factory.Clients);
        var before = (await registry.GetAsync(Dataset))?.CurrentGeneration;
        await DropAsync($"{Dataset}/orders/{file}", csv);
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
        var current = (await registry.GetAsync(Dataset))?.CurrentGeneration;
        Assert.NotNull(current);
        Assert.NotEqual(before, current);
        return current;
    }

    /// <summary>
    /// Writes what a compute named at <paramref name="namedAt"/> and killed before publishing leaves behind: the rows it
    /// streamed and its scores, cohorts and customer lists (here the published <paramref name="source"/>'s own).
    /// </summary>
    private async Task<string> LeaveBehindAsync(string source, DateTimeOffset namedAt)
    {
        var generation = Generations.CloudId(namedAt);
        var snapshots = new SnapshotStore(Factory.Clients);
        var rows = new List<SnapshotRow>();
        await foreach (var row in snapshots.ScanAsync(Dataset, source, namedAt, DateOnly.MinValue, new SnapshotScan()))
        {
            rows.Add(row);
        }

        await snapshots.WriteAsync(Dataset, generation, rows);
        using var scores = new ScoresStore(Factory.Clients);
        await scores.WriteAsync(Dataset, generation, await scores.ReadAllAsync(Dataset, source));
        await scores.WriteCohortsAsync(Dataset, generation, await scores.ReadCohortsAsync(Dataset, source) ?? []);
        await scores.WriteCustomerListsAsync(Dataset, generation, (await scores.ReadCustomerListsAsync(Dataset, source))!);
        return generation;
    }

    /// <summary>
    /// The generation's rows straight from its table, plus its entry in the snapshots table: 0 once both are gone.
    /// </summary>
    private async Task<int> RowCountAsync(string generation)
    {
        var entry = await Factory.Clients.Tables.GetTableClient(Factory.Names.SnapshotsTable)
            .GetEntityIfExistsAsync<TableEntity>(RowKeys.Partition(Dataset, generation), SnapshotStore.EntryRowKey);
        var table = Factory.Clients.Tables.GetTableClient(SnapshotStore.GenerationTable(Factory.Names.SnapshotsTable, Dataset, generation));
        var count = entry.HasValue ? 1 : 0;
        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
            {
                count++;
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The table is gone: no rows.
        }

        return count;
    }

    /// <summary>How many of the generation's scores, cohorts and customer lists blobs exist.</summary>
    private async Task<int> BlobCountAsync(string generation)
    {
        var count = 0;
        foreach (var name in new[]
            {
                ScoresStore.BlobName(Dataset, generation), ScoresStore.CohortsBlobName(Dataset, generation),
                ScoresStore.CustomerListsBlobName(Dataset, generation),
            })
        {
            count += await Scores.GetBlobClient(name).ExistsAsync() ? 1 : 0;
        }

        return count;
    }
}
