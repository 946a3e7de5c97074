using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Centric.Pipeline.Compute;
using Centric.Storage.Datasets;
using Centric.Testing;
using Microsoft.Extensions.Configuration;

namespace Centric.Functions.Tests;

/// <summary>
/// The recompute settle on a real Azurite with the real handler and a 2 s settle: the queues are delivered as the host
/// does, a message only once it is visible. A burst of uploads publishes one generation with all of them; a single
/// upload publishes, no more than the settle after its ingestion.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class RecomputeSettleTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private readonly HandlerFactory _factory = new(azurite, settings: new Dictionary<string, string>
    {
        [RecomputeSettle.SettingName] = "2",
    });

    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        _client.Timeout = TimeSpan.FromMinutes(10);
        await _factory.Clients.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task BurstOfUploads_PublishesOneGeneration_WithAllOfThem()
    {
        // Five files, one order each, of 1, 2, 4, 8 and 16.00 in January: each sum of a subset is different, so the
        // month's revenue says exactly which files the generation holds.
        const int files = 5;
        for (var i = 0; i < files; i++)
        {
            await DropAsync($"burst/orders/part{i}.csv", OrderCsv($"o{i}", $"c{i}", 1 << i));
        }

        // The first recompute is delivered while the other exports still wait in the ingest queue, as on a host whose
        // ingestions queue up: however fast the machine ingests, that recompute finds exports still arriving.
        var computes = await RunAsync(holdIngestsUntilFirstCompute: true);

        var published = computes.Where(l => l.Contains(": generation ", StringComparison.Ordinal)).ToList();
        Assert.True(published.Count == 1, "one generation expected, got: " + string.Join(" | ", computes));
        Assert.Contains(computes, l => l.Contains("exports are still arriving", StringComparison.Ordinal));
        Assert.Equal(31m, await JanuaryRevenueAsync("burst"));
    }

    [Fact]
    public async Task SingleUpload_Publishes_NoLaterThanTheSettleAfterItsIngestion()
    {
        await DropAsync("single/orders/orders.csv", OrderCsv("o1", "c1", 42));

        var computes = await RunAsync();

        var generation = Assert.Single(computes, l => l.Contains(": generation ", StringComparison.Ordinal));
        Assert.DoesNotContain(computes, l => l.Contains("exports are still arriving", StringComparison.Ordinal));
        Assert.Equal(42m, await JanuaryRevenueAsync("single"));

        var record = (await new DatasetRegistry(_factory.Clients).GetAsync("single"))!;
        Assert.Contains(record.CurrentGeneration!, generation, StringComparison.Ordinal);

        // Computed after the settle, and not much later: the message became visible when the settle was over.
        var startedAfter = record.ComputedAt!.Value - record.LastIngestionAt!.Value;
        Assert.True(startedAfter >= Settle, $"computed {startedAfter.TotalSeconds:0.0} s after the ingestion");
        Assert.True(startedAfter < Settle + TimeSpan.FromSeconds(20), $"computed {startedAfter.TotalSeconds:0.0} s after the ingestion");
    }

    [Theory]
    [InlineData(null, 5)]
    [InlineData("0", 0)]
    [InlineData("30", 30)]
    public void Setting_IsReadInWholeSeconds(string? text, int seconds)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(text is null ? [] : [new(RecomputeSettle.SettingName, text)]).Build();
        Assert.Equal(TimeSpan.FromSeconds(seconds), RecomputeSettle.Load(configuration).Delay);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("301")]
    [InlineData("2.5")]
    public void Setting_OutOfRange_NamesTheSetting(string text)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(RecomputeSettle.SettingName, text)]).Build();
        var error = Assert.Throws<FormatException>(() => RecomputeSettle.Load(configuration));
        Assert.Contains("Compute__SettleSeconds", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remaining_IsTheRestOfTheSettle_InWholeSecondsRoundedUp()
    {
        var settle = new RecomputeSettle(TimeSpan.FromSeconds(5));
        var now = new DateTimeOffset(2026, 3, 2, 8, 0, 10, TimeSpan.Zero);
        Assert.Null(settle.Remaining(null, now));
        Assert.Null(settle.Remaining(now.AddSeconds(-5), now));
        Assert.Equal(TimeSpan.FromSeconds(1), settle.Remaining(now.AddSeconds(-4.9), now));
        Assert.Equal(TimeSpan.FromSeconds(4), settle.Remaining(now.AddSeconds(-1.5), now));
        Assert.Equal(TimeSpan.FromSeconds(5), settle.Remaining(now.AddSeconds(30), now)); // a clock ahead: at most the settle
        Assert.Null(RecomputeSettle.None.Remaining(now, now));
    }

    private static string OrderCsv(string order, string customer, int amount) =>
        "order_id,customer_id,order_date,amount,currency,status\n" +
        string.Create(CultureInfo.InvariantCulture, $"{order},{customer},2025-01-{10 + (amount % 10):00},{amount}.00,EUR,completed\n");

    private async Task DropAsync(string blob, string content) =>
        await _factory.Clients.Blobs.GetBlobContainerClient(_factory.Names.Exports).UploadBlobAsync(blob, BinaryData.FromString(content));

    /// <summary>
    /// Ticks ScanExports, then delivers the queues' visible messages, one of each queue in turn, until nothing has been
    /// visible for the settle plus 3 s; returns the log lines of every ComputeMetrics invocation. With
    /// <paramref name="holdIngestsUntilFirstCompute"/>, no ingestion after the first is delivered until a recompute has been.
    /// </summary>
    private async Task<List<string>> RunAsync(bool holdIngestsUntilFirstCompute = false)
    {
        var (scan, _) = await Invocation.PostAsync(_client, "ScanExports", Invocation.Timer("ScanExports"));
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        var ingest = _factory.Clients.Queues.GetQueueClient(_factory.Names.IngestQueue);
        var recompute = _factory.Clients.Queues.GetQueueClient(_factory.Names.RecomputeQueue);
        var computes = new List<string>();
        var (ingestions, recomputes) = (0, 0);
        var quiet = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();
        while (quiet.Elapsed < Settle + TimeSpan.FromSeconds(3))
        {
            Assert.True(total.Elapsed < TimeSpan.FromMinutes(5), "the queues did not drain in 5 minutes");
            // One of each in turn, as the host polls both queues: a recompute is never held back by the driver.
            var hold = holdIngestsUntilFirstCompute && ingestions > 0 && recomputes == 0;
            var ingested = !hold && await DeliverOneAsync(ingest, "IngestExport") is not null;
            ingestions += ingested ? 1 : 0;
            var logs = await DeliverOneAsync(recompute, "ComputeMetrics");
            computes.AddRange(logs ?? []);
            recomputes += logs is not null ? 1 : 0;
            if (ingested || logs is not null || hold)
            {
                // Held ingestions are still to come: the queues are not quiet while they wait.
                quiet.Restart();
            }

            if (!ingested && logs is null)
            {
                await Task.Delay(100);
            }
        }

        return computes;
    }

    private async Task<IReadOnlyList<string>?> DeliverOneAsync(QueueClient queue, string function)
    {
        var message = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(1))).Value;
        if (message is null)
        {
            return null;
        }

        var (response, body) = await Invocation.PostAsync(
            _client, function, Invocation.Queue(function, message.Body.ToString(), (int)message.DequeueCount, Invocation.Shape.Real));
        Assert.True(response.IsSuccessStatusCode, $"{function} answered {(int)response.StatusCode}: {body}");
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return body?["Logs"]?.AsArray().Select(l => (string)l!).ToList() ?? [];
    }

    private async Task<decimal> JanuaryRevenueAsync(string dataset)
    {
        var rows = JsonNode.Parse(await _client.GetStringAsync($"/api/datasets/{dataset}/metrics/revenue?grain=month"))!.AsArray();
        return (decimal)rows.Single(r => (string?)r!["period"] == "2025-01" && (string?)r["segment"] == "*")!["value"]!;
    }
}
