using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Centric.Domain.Snapshots;
using Centric.Engine.Samples;
using Centric.Storage.Datasets;
using Centric.Storage.Partials;
using Centric.Storage.Queues;
using Centric.Storage.Snapshots;
using Centric.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Centric.Functions.Tests;

/// <summary>
/// The built-in sample with every export kind, computed by the single run and fanned out over the recompute queue in
/// 1, 2 and 7 customer partitions by a second handler on the same storage (configured to partition every dataset):
/// every snapshot row of the fanned-out generation equals the single run's, and a partition delivered twice or a merge
/// delivered before its partials still publish once.
/// </summary>
public sealed class FanoutTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private const string Dataset = "sample";
    private static readonly SampleOptions Options = new(Customers: 200);
    private static readonly DateOnly AsOf = Options.End;
    private static readonly DateOnly Elsewhere = Options.End.AddDays(-1);

    private readonly AzuriteFixture _azurite = azurite;

    [Fact]
    public async Task SampleWithEveryKind_InOneTwoAndSevenPartitions_PublishesExactlyTheSingleRunsRows()
    {
        await SeedAsync();
        var single = new Dictionary<DateOnly, IReadOnlyList<SnapshotRow>>
        {
            [AsOf] = await ComputeSingleAsync(AsOf),
            [Elsewhere] = await ComputeSingleAsync(Elsewhere),
        };
        Assert.Contains(single[AsOf], r => r.Metric == "nps");
        Assert.Contains(single[AsOf], r => r.Metric == "ces" && r.Segment.StartsWith("clv-tier:", StringComparison.Ordinal));
        Assert.Contains(single[AsOf], r => r.Metric == "mrr");
        Assert.NotEqual(single[AsOf], single[Elsewhere]);

        // Each fanned-out run is at the other as-of date than the generation before it, so the same input is computed
        // again rather than found up to date.
        foreach (var (partitions, asOf) in new[] { (1, AsOf), (2, Elsewhere), (7, AsOf) })
        {
            await using var fanned = Fanned(partitions);
            using var client = fanned.CreateClient();
            client.Timeout = TimeSpan.FromMinutes(10);
            await Queue.SendMessageAsync(Json(new RecomputeMessage(Dataset, asOf)));
            var delivered = await DeliverUntilPublishedAsync(client);

            // The plan, each partition once, then the merge (looked at again while partitions were missing).
            Assert.Equal(Enumerable.Range(0, partitions), delivered.Where(m => m.Partition is not null).Select(m => m.Partition!.Value).Order());
            Assert.Contains(delivered, m => m.Merge == true);
            Assert.Equal(partitions, Assert.Single(delivered.Select(m => m.Partitions).OfType<int>().Distinct()));
            Assert.Equal(asOf, (await Registry.GetAsync(Dataset))!.AsOfDate);
            Assert.Equal(single[asOf], await RowsAsync());
            Assert.Empty(await PartialBlobsAsync());
        }
    }

    [Fact]
    public async Task PartitionDeliveredTwice_AndMergeDeliveredBeforeThePartials_PublishOnce_WithTheSingleRunsRows()
    {
        await SeedAsync();
        var single = await ComputeSingleAsync(AsOf);
        await ComputeSingleAsync(Elsewhere);
        var before = (await Registry.GetAsync(Dataset))!;

        await using var fanned = Fanned(2);
        using var client = fanned.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        await Queue.SendMessageAsync(Json(new RecomputeMessage(Dataset, AsOf)));
        var plan = Assert.Single(await ReceiveAsync());
        Assert.Equal(200, await DeliverAsync(client, plan.Body.ToString(), 1));
        var steps = await ReceiveAsync();
        var parts = steps.Select(m => (Message: Read(m.Body.ToString()), Body: m.Body.ToString())).OrderBy(m => m.Message.Partition).ToArray();
        Assert.Equal([0, 1], parts.Select(p => p.Message.Partition));
        var generation = parts[0].Message.Generation!;

        // Partition 0 twice (the second delivery rewrites the same blob), then the merge with partition 1 missing.
        Assert.Equal(200, await DeliverAsync(client, parts[0].Body, 1));
        Assert.Equal(200, await DeliverAsync(client, parts[0].Body, 2));
        var firstMerge = await ReceiveMergeAsync(attempt: 1);
        Assert.Equal(200, await DeliverAsync(client, firstMerge, 1));
        var waiting = (await Registry.GetAsync(Dataset))!;
        Assert.Equal(before.CurrentGeneration, waiting.CurrentGeneration);
        Assert.Equal([PartialStore.BlobName(Dataset, generation, 0, 2)], await PartialBlobsAsync());

        // The merge queued itself again; once partition 1 is written, it publishes.
        Assert.Equal(200, await DeliverAsync(client, parts[1].Body, 1));
        var secondMerge = await ReceiveMergeAsync(attempt: 2);
        Assert.Equal(200, await DeliverAsync(client, secondMerge, 1));
        var published = (await Registry.GetAsync(Dataset))!;
        Assert.Equal(generation, published.CurrentGeneration);
        Assert.Equal(before.CurrentGeneration, published.PreviousGeneration);
        Assert.Equal(single, await RowsAsync());

        // Both merges delivered again, and partition 1 again: the pointer, its rows and the ETag-stamped record stay as they were.
        Assert.Equal(200, await DeliverAsync(client, secondMerge, 2));
        Assert.Equal(200, await DeliverAsync(client, firstMerge, 2));
        Assert.Equal(200, await DeliverAsync(client, parts[1].Body, 2));
        var after = (await Registry.GetAsync(Dataset))!;
        Assert.Equal(generation, after.CurrentGeneration);
        Assert.Equal(before.CurrentGeneration, after.PreviousGeneration);
        Assert.Equal(published.ComputedAt, after.ComputedAt);
        Assert.Equal(single, await RowsAsync());
        Assert.Empty((await Queue.ReceiveMessagesAsync(32)).Value);
    }

    private DatasetRegistry Registry => Factory.Services.GetRequiredService<DatasetRegistry>();

    private QueueClient Queue => Factory.Clients.Queues.GetQueueClient(Factory.Names.RecomputeQueue);

    /// <summary>A second handler on the same storage that partitions every dataset into <paramref name="partitions"/>.</summary>
    private HandlerFactory Fanned(int partitions) => new(_azurite, Factory.Names, new Dictionary<string, string>
    {
        ["Compute:PartitionRows"] = "0",
        ["Compute:Partitions"] = partitions.ToString(CultureInfo.InvariantCulture),
        ["Compute:MergeDelaySeconds"] = "1",
        ["Compute:MergeAttempts"] = "60",
    });

    /// <summary>Drops the sample's every kind (the shop's eight and the subscription business's subscriptions) and ingests them.</summary>
    private async Task SeedAsync()
    {
        await DropAsync($"{Dataset}/customers/customers.csv", Write(w =>
        {
            SampleExports.WriteCustomersCsv(w, Options);
            return Options.Customers;
        }));
        await DropAsync($"{Dataset}/fx-rates/fx-rates.csv", Write(w => SampleExports.WriteFxRatesCsv(w, Options)));
        await DropAsync($"{Dataset}/orders/orders.csv", Write(w => SampleExports.WriteOrdersCsv(w, Options)));
        await DropAsync($"{Dataset}/surveys/surveys.csv", Write(w => SampleExperience.WriteSurveysCsv(w, Options)));
        await DropAsync($"{Dataset}/tickets/tickets.csv", Write(w => SampleExperience.WriteTicketsCsv(w, Options)));
        await DropAsync($"{Dataset}/onboarding/onboarding.csv", Write(w => SampleExperience.WriteOnboardingCsv(w, Options)));
        await DropAsync($"{Dataset}/communications/communications.csv", Write(w => SampleExperience.WriteCommunicationsCsv(w, Options)));
        await DropAsync($"{Dataset}/mentions/mentions.csv", Write(w => SampleExperience.WriteMentionsCsv(w, Options)));
        await DropAsync($"{Dataset}/subscriptions/subscriptions.csv", Write(w => SampleSaas.WriteSubscriptionsCsv(w, SampleSaas.For(Options))));
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
    }

    /// <summary>The single run (this class's handler, default settings) at <paramref name="asOf"/>: its rows.</summary>
    private async Task<IReadOnlyList<SnapshotRow>> ComputeSingleAsync(DateOnly asOf)
    {
        await Queue.SendMessageAsync(Json(new RecomputeMessage(Dataset, asOf)));
        Assert.All(await QueueDriver.DrainAsync(Client, Factory.Clients), i => Assert.Equal(200, i.Status));
        Assert.Equal(asOf, (await Registry.GetAsync(Dataset))!.AsOfDate);
        return await RowsAsync();
    }

    /// <summary>
    /// Delivers the recompute queue's messages to <paramref name="client"/> as they become visible (the merge is
    /// delayed) until the dataset's pointer moves; the messages delivered.
    /// </summary>
    private async Task<IReadOnlyList<RecomputeMessage>> DeliverUntilPublishedAsync(HttpClient client)
    {
        var from = (await Registry.GetAsync(Dataset))!.CurrentGeneration;
        var delivered = new List<RecomputeMessage>();
        var until = DateTimeOffset.UtcNow.AddMinutes(3);
        while ((await Registry.GetAsync(Dataset))!.CurrentGeneration == from)
        {
            Assert.True(DateTimeOffset.UtcNow < until, "The fanned-out compute did not publish within 3 minutes.");
            var messages = (await Queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(2))).Value;
            foreach (var message in messages)
            {
                delivered.Add(Read(message.Body.ToString()));
                Assert.Equal(200, await DeliverAsync(client, message.Body.ToString(), (int)message.DequeueCount));
                await Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }

            if (messages.Length == 0)
            {
                await Task.Delay(250);
            }
        }

        return delivered;
    }

    /// <summary>Every visible message, taken off the queue.</summary>
    private async Task<IReadOnlyList<QueueMessage>> ReceiveAsync()
    {
        var messages = (await Queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(2))).Value;
        foreach (var message in messages)
        {
            await Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        return messages;
    }

    /// <summary>Waits for the merge message of <paramref name="attempt"/> to become visible and takes it; its text.</summary>
    private async Task<string> ReceiveMergeAsync(int attempt)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < until)
        {
            var messages = await ReceiveAsync();
            if (messages.Count > 0)
            {
                var merge = Assert.Single(messages).Body.ToString();
                Assert.Equal(attempt, Read(merge) is { Merge: true } m ? m.MergeAttempt : null);
                return merge;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No merge message (attempt {attempt}) became visible in 30 s.");
    }

    private static async Task<int> DeliverAsync(HttpClient client, string body, int dequeueCount)
    {
        var (response, result) = await Invocation.PostAsync(client, "ComputeMetrics", Invocation.Queue("ComputeMetrics", body, dequeueCount, Invocation.Shape.Real));
        Assert.True(response.IsSuccessStatusCode, $"ComputeMetrics answered {(int)response.StatusCode} to {body}: {result}");
        return (int)response.StatusCode;
    }

    /// <summary>The published generation's rows, without what names the generation (its id and when it was computed), in row order.</summary>
    private async Task<IReadOnlyList<SnapshotRow>> RowsAsync()
    {
        var record = (await Registry.GetAsync(Dataset))!;
        var rows = new List<SnapshotRow>();
        await foreach (var row in Factory.Services.GetRequiredService<SnapshotStore>().ScanAsync(
            Dataset, record.CurrentGeneration!, record.ComputedAt!.Value, record.AsOfDate!.Value, new SnapshotScan()))
        {
            rows.Add(row with { Generation = "", ComputedAt = default });
        }

        return [.. rows.OrderBy(r => $"{r.Metric}|{r.Preset}|{r.Grain}|{r.PeriodStart:yyyy-MM-dd}|{r.Segment}", StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<string>> PartialBlobsAsync()
    {
        var container = Factory.Clients.Blobs.GetBlobContainerClient(Factory.Names.Scores);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Dataset + "/", CancellationToken.None))
        {
            if (blob.Name.Contains(".partials/", StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    private static string Json(RecomputeMessage message) => JsonSerializer.Serialize(message, MessageJsonContext.Default.RecomputeMessage);

    private static RecomputeMessage Read(string body) => JsonSerializer.Deserialize(body, MessageJsonContext.Default.RecomputeMessage)!;

    private static string Write(Func<TextWriter, long> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }
}
