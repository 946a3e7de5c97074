using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Engine.Ingestion;
using Centric.Storage.Connection;
using Centric.Storage.Curated;
using Centric.Storage.Ingestions;
using Centric.Storage.Queues;
using Xunit.Abstractions;

namespace Centric.LocalHost.Tests.Faults;

/// <summary>
/// A compute that runs past the function timeout (set to 0.3 s through the app setting that overrides host.json, which
/// the local host and the handler both read): every delivery stops at the deadline and is recorded on the dataset, the
/// queue delivers the message again up to maxDequeueCount, then moves it to the poison queue, and the dataset says so.
/// </summary>
[Collection(WaitingFaultSuite.Name)]
[Trait("Category", FaultSuite.Category)]
public sealed class ComputeTimeoutTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task ComputePastTheFunctionTimeout_IsRecordedOnTheDataset_RetriedFiveTimes_ThenPoisonedWithTheReason()
    {
        var testStarted = DateTimeOffset.UtcNow;
        await using var faults = await FaultHost.StartAsync(functionTimeout: Timeout);
        using var transcript = new Transcript(output, faults);
        var clients = StorageClients.FromConnectionString(faults.Host.StorageConnectionString);
        await clients.EnsureCreatedAsync();
        await SeedIngestedOrdersAsync(clients, "slow");

        await new WorkQueues(clients).SendAsync(new RecomputeMessage("slow", Reason: "timeout test"));

        using var handler = new HttpClient { BaseAddress = new Uri(faults.Host.HandlerUrl, "api/"), Timeout = TimeSpan.FromSeconds(30) };
        JsonObject? dataset = null;
        await FaultHost.WaitUntilAsync(
            async () =>
            {
                using var response = await handler.GetAsync(new Uri("datasets/slow", UriKind.Relative));
                dataset = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
                return (int?)dataset?["lastFailedCompute"]?["attempt"] == 5;
            },
            TimeSpan.FromSeconds(120),
            "the fifth failed compute recorded on the dataset");
        var poison = new QueueClient(faults.Host.StorageConnectionString, clients.Names.RecomputeQueue + "-poison");
        await FaultHost.WaitUntilAsync(
            async () => (await poison.PeekMessagesAsync(10)).Value.Length > 0, TimeSpan.FromSeconds(30), "the message in the poison queue");

        var failure = dataset!["lastFailedCompute"]!;
        output.WriteLine(failure.ToJsonString());
        Assert.Equal(
            "exceeded the function timeout of 00:00:00.3; delivery 5 of 5: the message is moved to the poison queue",
            (string?)failure["reason"]);
        var seconds = (double)failure["seconds"]!;
        Assert.InRange(seconds, 0.27, 5);
        var at = DateTimeOffset.Parse((string)failure["at"]!, CultureInfo.InvariantCulture);
        Assert.InRange(at, testStarted, DateTimeOffset.UtcNow);
        Assert.Null((string?)dataset["generation"]);

        var poisoned = Assert.Single((await poison.PeekMessagesAsync(10)).Value);
        Assert.Equal("slow", (string?)JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(poisoned.Body.ToString())))!["dataset"]);
        var queue = new QueueClient(faults.Host.StorageConnectionString, clients.Names.RecomputeQueue);
        Assert.Empty((await queue.PeekMessagesAsync(10)).Value);
        var poisonedLog = Assert.Single(faults.Log.Events, e => e.Event.Name == "QueuePoisoned" && e.Message.Contains("ComputeMetrics", StringComparison.Ordinal));

        // The message poisoned is the one that failed five times. A retry that comes while the abandoned compute still
        // holds the dataset's lock queues the recompute again as a new message (deferred, not failed), so it may be
        // another message than the one sent.
        var id = Regex.Match(poisonedLog.Message, "message ([0-9a-f-]{36})").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Equal(5, faults.Log.Events.Count(e => e.Event.Name == "QueueFailed" && e.Message.Contains(id, StringComparison.Ordinal)));
    }

    /// <summary>
    /// What ingesting an orders export leaves behind, written with the real ingestor and storage adapters (uploading
    /// the export would not do: its ingestion would run past the 0.3 s timeout too): 12,000 orders of 3,000 customers
    /// as curated Parquet and a finished ledger entry.
    /// </summary>
    private static async Task SeedIngestedOrdersAsync(StorageClients clients, string dataset)
    {
        var folder = Directory.CreateTempSubdirectory("centric-timeout-").FullName;
        try
        {
            var csv = new StringBuilder("order_id,customer_id,order_date,amount,currency,status\n");
            for (var i = 0; i < 12_000; i++)
            {
                var day = new DateOnly(2024, 1, 1).AddDays(i * 7 % 700);
                csv.Append(CultureInfo.InvariantCulture, $"o{i},c{i % 3000},{day:yyyy-MM-dd},{10 + (i % 90)}.50,EUR,completed\n");
            }

            var source = Path.Combine(folder, "orders.csv");
            await File.WriteAllTextAsync(source, csv.ToString());
            var request = new IngestRequest(
                source, "orders.csv", ExportKind.Orders, DatasetSettings.Default, null, "ing-seed", DateTimeOffset.UtcNow,
                Path.Combine(folder, "curated.parquet"), Path.Combine(folder, "rejects.csv"));
            var result = new ExportIngestor().Ingest(request);
            Assert.Equal((12_000L, 0L), (result.Accepted, result.Rejected));

            await new CuratedStore(clients).UploadAsync(dataset, "orders", "ing-seed", request.CuratedPath);
            await new IngestionLedger(clients).UpsertAsync(new IngestionRecord
            {
                PartitionKey = dataset,
                RowKey = "ing-seed",
                Blob = $"{dataset}/orders/orders.csv",
                Kind = "orders",
                Status = IngestionStatuses.Succeeded,
                RowsRead = 12_000,
                Accepted = 12_000,
                QueuedAt = request.IngestedAt,
                CompletedAt = request.IngestedAt,
                Attempts = 1,
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
