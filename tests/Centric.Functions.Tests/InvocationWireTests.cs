using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Centric.Storage.Queues;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// The custom-handler wire contract of every invocation endpoint: the real host's payload (values JSON-encoded twice,
/// DequeueCount a string) and the documented one both work; the answer is 200 with Outputs, Logs and ReturnValue;
/// a failure is a 500 so the host retries.
/// </summary>
public sealed class InvocationWireTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private static void AssertHandlerAnswer(HttpResponseMessage response, JsonObject? body, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(body);
        Assert.IsType<JsonObject>(body["Outputs"]);
        Assert.IsType<JsonArray>(body["Logs"]);
        Assert.True(body.ContainsKey("ReturnValue"));
    }

    private Task DropOrdersAsync(string dataset) => DropAsync($"{dataset}/orders/orders.csv", PipelineTests.OrdersCsv);

    [Fact]
    public async Task Root_AnswersTheHostsStartupProbe()
    {
        var response = await Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(Invocation.Shape.Real)]
    [InlineData(Invocation.Shape.Clean)]
    public async Task IngestExport_AcceptsBothPayloadShapes(Invocation.Shape shape)
    {
        var dataset = "wire-" + shape.ToString().ToLowerInvariant();
        await DropOrdersAsync(dataset);
        var message = JsonSerializer.Serialize(new IngestMessage($"{dataset}/orders/orders.csv"), MessageJsonContext.Default.IngestMessage);

        var (response, body) = await Invocation.PostAsync(Client, "IngestExport", Invocation.Queue("IngestExport", message, 1, shape));

        AssertHandlerAnswer(response, body, HttpStatusCode.OK);
        Assert.Contains("succeeded", body!["Logs"]!.ToJsonString(), StringComparison.Ordinal);
        var recompute = Factory.Clients.Queues.GetQueueClient(Factory.Names.RecomputeQueue);
        var queued = (await recompute.PeekMessagesAsync(32)).Value;
        Assert.Contains(queued, m => m.Body.ToString().Contains(dataset, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Invocation.Shape.Real)]
    [InlineData(Invocation.Shape.Clean)]
    public async Task ComputeMetrics_AcceptsBothPayloadShapes(Invocation.Shape shape)
    {
        var dataset = "compute-" + shape.ToString().ToLowerInvariant();
        await DropOrdersAsync(dataset);
        var ingest = JsonSerializer.Serialize(new IngestMessage($"{dataset}/orders/orders.csv"), MessageJsonContext.Default.IngestMessage);
        await Invocation.PostAsync(Client, "IngestExport", Invocation.Queue("IngestExport", ingest, 1, shape));
        var message = JsonSerializer.Serialize(new RecomputeMessage(dataset), MessageJsonContext.Default.RecomputeMessage);

        var (response, body) = await Invocation.PostAsync(Client, "ComputeMetrics", Invocation.Queue("ComputeMetrics", message, 1, shape));

        AssertHandlerAnswer(response, body, HttpStatusCode.OK);
        Assert.Contains("generation", body!["Logs"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/datasets/{dataset}/metrics/orders")).StatusCode);
    }

    [Fact]
    public async Task ScanExports_OnATimerTick_QueuesNewBlobsOnce()
    {
        await DropOrdersAsync("scan");

        var (first, body) = await Invocation.PostAsync(Client, "ScanExports", Invocation.Timer("ScanExports"));
        var (second, _) = await Invocation.PostAsync(Client, "ScanExports", Invocation.Timer("ScanExports"));

        AssertHandlerAnswer(first, body, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var ingest = Factory.Clients.Queues.GetQueueClient(Factory.Names.IngestQueue);
        var messages = (await ingest.PeekMessagesAsync(32)).Value;
        Assert.Single(messages, m => m.Body.ToString().Contains("scan/orders/orders.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NightlyRecompute_QueuesEveryDatasetAsOfToday()
    {
        await DropOrdersAsync("nightly");
        await RunPipelineAsync();

        var (response, body) = await Invocation.PostAsync(Client, "NightlyRecompute", Invocation.Timer("NightlyRecompute"));

        AssertHandlerAnswer(response, body, HttpStatusCode.OK);
        var recompute = Factory.Clients.Queues.GetQueueClient(Factory.Names.RecomputeQueue);
        var message = Assert.Single((await recompute.PeekMessagesAsync(32)).Value);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(today, message.Body.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IngestExport", "not json at all")]
    [InlineData("IngestExport", "{\"unexpected\": true}")]
    [InlineData("ComputeMetrics", "{}")]
    public async Task MalformedMessage_Answers500_SoTheHostRetriesAndPoisons(string function, string message)
    {
        var (response, body) = await Invocation.PostAsync(Client, function, Invocation.Queue(function, message, 1, Invocation.Shape.Real));

        AssertHandlerAnswer(response, body, HttpStatusCode.InternalServerError);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EventGridBlobCreated_IngestsTheBlob(bool base64)
    {
        var dataset = base64 ? "eventgrid-b64" : "eventgrid";
        await DropOrdersAsync(dataset);
        var account = "centricstore";
        var container = Factory.Names.Exports;
        var blob = $"{dataset}/orders/orders.csv";
        var gridEvent = new JsonObject
        {
            ["topic"] = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/{account}",
            ["subject"] = $"/blobServices/default/containers/{container}/blobs/{blob}",
            ["eventType"] = "Microsoft.Storage.BlobCreated",
            ["id"] = Guid.NewGuid().ToString(),
            ["data"] = new JsonObject
            {
                ["api"] = "PutBlob",
                ["contentType"] = "text/csv",
                ["contentLength"] = PipelineTests.OrdersCsv.Length,
                ["blobType"] = "BlockBlob",
                ["url"] = $"https://{account}.blob.core.windows.net/{container}/{blob}",
                ["eTag"] = "0x8DC0000000000000",
            },
            ["dataVersion"] = "",
            ["metadataVersion"] = "1",
            ["eventTime"] = DateTimeOffset.UtcNow.ToString("O"),
        };
        var text = gridEvent.ToJsonString();
        if (base64)
        {
            text = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        }

        var (response, body) = await Invocation.PostAsync(Client, "IngestExport", Invocation.Queue("IngestExport", text, 1, Invocation.Shape.Real));

        AssertHandlerAnswer(response, body, HttpStatusCode.OK);
        var ledger = await Client.GetStringAsync($"/api/datasets/{dataset}/ingestions");
        Assert.Contains("\"status\":\"succeeded\"", ledger, StringComparison.Ordinal);
        Assert.Contains("\"accepted\":8", ledger, StringComparison.Ordinal);
    }
}
