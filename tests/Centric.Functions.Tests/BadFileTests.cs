using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// A bad orders file ends as a ledger entry with a clear status and per-row rejects: the invocation still answers
/// 200 (a data problem is not retried), nothing is poisoned, the host keeps running.
/// </summary>
public sealed class BadFileTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private async Task<JsonObject> IngestAsync(string blob, BinaryData content)
    {
        await Exports.UploadBlobAsync(blob, content);
        var invocations = await RunPipelineAsync();
        Assert.Contains(invocations, i => i.Function == "IngestExport");
        Assert.All(invocations, i => Assert.Equal(200, i.Status));
        var poison = Factory.Clients.Queues.GetQueueClient(Factory.Names.IngestQueue + "-poison");
        Assert.Empty((await poison.PeekMessagesAsync(1)).Value);
        var ledger = await Client.GetFromJsonAsync<JsonArray>($"/api/datasets/{blob.Split('/')[0]}/ingestions");
        return Assert.Single(ledger!)!.AsObject();
    }

    [Fact]
    public async Task MissingRequiredColumn_IsARejectedFileWithTheColumnNamed()
    {
        var entry = await IngestAsync("bad1/orders/orders.csv", BinaryData.FromString("order_id,customer_id,order_date\no1,c1,2025-01-01\n"));

        Assert.Equal("rejected", (string?)entry["status"]);
        Assert.Contains("amount", (string?)entry["message"], StringComparison.Ordinal);
        Assert.Equal(0, (long?)entry["accepted"]);
    }

    [Fact]
    public async Task UnknownKindFolder_IsARefusedIngestionListingTheKinds_NotOrdersGuessedFromTheHeader()
    {
        var entry = await IngestAsync("bad5/invoices/2025-01.csv", BinaryData.FromString("order_id,customer_id,order_date,amount\no1,c1,2025-01-01,10.00\n"));

        Assert.Equal("rejected", (string?)entry["status"]);
        Assert.StartsWith(
            "folder 'invoices' is not an export kind: put the file in one of customers, orders, subscriptions, tickets, surveys, communications, onboarding, mentions, fx-rates",
            (string?)entry["message"], StringComparison.Ordinal);
        Assert.Equal(0, (long?)entry["accepted"]);
    }

    [Fact]
    public async Task UnparseableAmounts_RejectThoseRowsWithLineAndValue_AndKeepTheRest()
    {
        var entry = await IngestAsync("bad2/orders/orders.csv", BinaryData.FromString(
            "order_id,customer_id,order_date,amount\n" +
            "o1,c1,2025-01-01,10.00\n" +
            "o2,c1,2025-01-02,ten euros\n" +
            "o3,c2,2025-01-03,12.50\n" +
            "o4,c2,2025-01-04,\n"));

        Assert.Equal("succeeded-with-rejects", (string?)entry["status"]);
        Assert.Equal(4, (long?)entry["rowsRead"]);
        Assert.Equal(2, (long?)entry["accepted"]);
        Assert.Equal(2, (long?)entry["rejected"]);

        var rejects = await Client.GetStringAsync((string?)entry["rejects"]);
        var lines = rejects.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("line,column,value,reason", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("3,amount,ten euros,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("5,amount,", StringComparison.Ordinal));

        var revenue = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/bad2/metrics/revenue?from=2025-01&to=2025-01");
        Assert.Equal(22.5m, (decimal?)Assert.Single(revenue!)!["value"]);
    }

    [Fact]
    public async Task EmptyFile_IsARejectedFileThatSaysSo()
    {
        var entry = await IngestAsync("bad3/orders/orders.csv", BinaryData.FromBytes([]));

        Assert.Equal("rejected", (string?)entry["status"]);
        Assert.Contains("empty", (string?)entry["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (long?)entry["rowsRead"]);
    }

    [Fact]
    public async Task BinaryJunk_IsARejectedFileNotACrash()
    {
        var junk = new byte[4096];
        new Random(42).NextBytes(junk);
        junk[10] = 0;

        var entry = await IngestAsync("bad4/orders/junk.csv", BinaryData.FromBytes(junk));

        Assert.Equal("rejected", (string?)entry["status"]);
        Assert.Contains("text", (string?)entry["message"], StringComparison.OrdinalIgnoreCase);
        var health = await Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task RejectedFile_LeavesTheDatasetWithoutMetrics_AndTheApiSaysWhy()
    {
        await IngestAsync("bad5/orders/orders.csv", BinaryData.FromBytes([]));

        var response = await Client.GetAsync("/api/datasets/bad5/metrics/revenue");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("no computed metrics", (string?)problem!["detail"], StringComparison.Ordinal);
    }
}
