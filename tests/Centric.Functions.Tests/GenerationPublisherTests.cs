using System.Diagnostics;
using System.Globalization;
using Azure;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Engine.Compute;
using Centric.Engine.Ingestion;
using Centric.Engine.Settings;
using Centric.Pipeline;
using Centric.Pipeline.Compute;
using Centric.Storage.Datasets;
using Centric.Storage.Partials;
using Centric.Storage.Scores;
using Centric.Storage.Snapshots;
using Centric.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Centric.Functions.Tests;

/// <summary>
/// The customer lists are written beside the last snapshot rows, scores and cohorts, and the publisher awaits that
/// write: on real Azurite, a generation is not published while its lists are still being written, is published once
/// they are, and is not published at all when their write fails. The write is stood in for by a task the test
/// completes, so the order is certain rather than a race against storage.
/// </summary>
public sealed class GenerationPublisherTests(AzuriteFixture azurite) : HandlerTest(azurite), IDisposable
{
    private const string Dataset = "publisher";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("centric-publisher-");

    [Fact]
    public async Task Publish_WaitsForTheListsWrite_AndPublishesOnceItEnds()
    {
        var lists = new TaskCompletionSource();
        var (generation, publishing) = StartPublish(lists.Task);

        await WaitUntilBeforeListsAreWrittenAsync(generation);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(publishing.IsCompleted);
        Assert.Null((await new DatasetRegistry(Factory.Clients).GetAsync(Dataset))?.CurrentGeneration);

        lists.SetResult();
        Assert.Equal(generation, await publishing);
        Assert.Equal(generation, (await new DatasetRegistry(Factory.Clients).GetAsync(Dataset))?.CurrentGeneration);
    }

    [Fact]
    public async Task ListsWriteThatFails_FailsThePublish_AndLeavesTheDatasetUnpublished()
    {
        var lists = new TaskCompletionSource();
        var (generation, publishing) = StartPublish(lists.Task);

        await WaitUntilBeforeListsAreWrittenAsync(generation);
        lists.SetException(new RequestFailedException(503, "The server is busy."));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => publishing);
        Assert.Equal(503, failure.Status);
        Assert.Null((await new DatasetRegistry(Factory.Clients).GetAsync(Dataset))?.CurrentGeneration);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Computes the pipeline's orders sample and starts publishing it with <paramref name="listsWritten"/> standing for the lists' write.</summary>
    private (string Generation, Task<string?> Publishing) StartPublish(Task listsWritten)
    {
        var result = Compute(PipelineTests.OrdersCsv);
        var now = DateTimeOffset.UtcNow;
        var generation = Generations.CloudId(now);
        var snapshots = new SnapshotStore(Factory.Clients);
        var scores = new ScoresStore(Factory.Clients);
        var datasets = new DatasetRegistry(Factory.Clients);
        var sweep = new GenerationSweep(
            snapshots, scores, new PartialStore(Factory.Clients), datasets, TimeProvider.System,
            Factory.Services.GetRequiredService<FunctionLimits>(), NullLogger.Instance);
        var publisher = new GenerationPublisher(snapshots, scores, datasets, sweep, NullLogger.Instance);
        var publishing = publisher.WriteAndPublishAsync(
            Dataset, generation, now, result, DatasetConfiguration.Default, ["orders/1.csv"], "w1", now, Stopwatch.StartNew(),
            CancellationToken.None, listsWritten: listsWritten);
        return (generation, publishing);
    }

    /// <summary>Waits until the cohorts, the last thing written before the lists are awaited, are in storage.</summary>
    private async Task WaitUntilBeforeListsAreWrittenAsync(string generation)
    {
        var cohorts = Factory.Clients.Blobs.GetBlobContainerClient(Factory.Names.Scores).GetBlobClient(ScoresStore.CohortsBlobName(Dataset, generation));
        var deadline = Stopwatch.StartNew();
        while (!await cohorts.ExistsAsync())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "The cohorts were not written within a minute.");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private ComputeResult Compute(string ordersCsv)
    {
        var source = Path.Combine(_folder.FullName, "orders.csv");
        File.WriteAllText(source, ordersCsv);
        var curated = Directory.CreateDirectory(Path.Combine(_folder.FullName, "curated", "orders")).FullName;
        var now = DateTimeOffset.UtcNow;
        var ingested = new ExportIngestor().Ingest(IngestRequest.ForDataset(
            source, "orders.csv", ExportKind.Orders, DatasetConfiguration.Default, "0001-orders", now, now,
            Path.Combine(curated, "0001.parquet"), Path.Combine(_folder.FullName, "orders-rejects.csv")));
        Assert.True(ingested.Status == IngestionStatus.Succeeded, string.Create(CultureInfo.InvariantCulture, $"{ingested.Status}: {ingested.Message}"));
        return DatasetComputer.Compute(CuratedFiles.FromFolder(Path.Combine(_folder.FullName, "curated")), DatasetSettings.Default);
    }
}
