using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Centric.Testing;

namespace Centric.LocalHost.Tests.EndToEnd;

/// <summary>
/// The whole pipeline as a developer runs it: the local host drives the real handler process (dotnet
/// Centric.Functions.dll, from host.json) on a real Azurite, through timers and storage queues only. A file dropped
/// with a plain storage client becomes metrics over HTTP within a scan period, without a restart.
/// </summary>
public sealed class PipelineEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string OrdersCsv =
        "order_id;customer_id;order_date;amount;status\n" +
        "o1;c0;01/01/2025;10,00;completed\n" +
        "o2;c0;11/01/2025;20,00;completed\n" +
        "o3;c1;05/01/2025;5,00;\n" +
        "o4;c1;20/01/2025;15,00;completed\n" +
        "o5;c2;10/02/2025;5,00;completed\n" +
        "o6;c2;10/02/2025;7,00;completed\n" +
        "o7;c3;08/01/2025;99,00;cancelled\n";

    [Fact]
    public async Task DroppedOrdersFile_IsServedAsMonthlyChurn_WithinOneScanPeriod()
    {
        await using var host = RealHandlerHost.Create(azurite);
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = host.ApiBaseUrl };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health")).StatusCode);

        var exports = new BlobContainerClient(azurite.ConnectionString, "exports");
        await exports.CreateIfNotExistsAsync();
        await exports.UploadBlobAsync("e2e/settings.json", BinaryData.FromString("""{"inactivityDays": 10}"""));
        await exports.UploadBlobAsync("e2e/orders/orders-2025.csv", BinaryData.FromString(OrdersCsv));

        var rows = await PollAsync(client, "datasets/e2e/metrics/churn-rate?from=2025-01&to=2025-01", TimeSpan.FromSeconds(90));

        var january = Assert.Single(rows);
        Assert.Equal(155m, (decimal?)january!["value"]);
        Assert.Equal(2m, (decimal?)january["numerator"]);
        var ledger = await client.GetFromJsonAsync<JsonArray>("datasets/e2e/ingestions");
        var orders = Assert.Single(ledger!, e => (string?)e!["kind"] == "orders")!;
        Assert.Equal(7, (long?)orders["rowsRead"]);
        Assert.Contains("delimiter=;", (string?)orders["format"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageThatAlwaysFails_LandsInIngestPoison_AfterFiveDequeues_WithItsBodyIntact()
    {
        await using var host = RealHandlerHost.Create(azurite);
        await host.StartAsync();
        const string body = """{"unexpected": "this is not an ingest message"}""";
        var ingest = new QueueClient(azurite.ConnectionString, "ingest", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var poison = new QueueClient(azurite.ConnectionString, "ingest-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await ingest.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();

        await ingest.SendMessageAsync(body);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? poisoned = null;
        while (poisoned is null && DateTime.UtcNow < deadline)
        {
            var peeked = (await poison.PeekMessagesAsync(10)).Value;
            poisoned = peeked.Select(m => m.Body.ToString()).FirstOrDefault(b => b.Contains("unexpected", StringComparison.Ordinal));
            await Task.Delay(250);
        }

        Assert.Equal(body, poisoned);
        Assert.DoesNotContain((await ingest.PeekMessagesAsync(32)).Value, m => m.Body.ToString() == body);
    }

    private static async Task<JsonArray> PollAsync(HttpClient client, string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"GET {path} still answers {(int)response.StatusCode} after {timeout.TotalSeconds} s.");
            await Task.Delay(500);
        }
    }
}
