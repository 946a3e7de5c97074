using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Centric.Storage.Queues;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// From an orders CSV dropped into exports/{dataset}/orders/ to metrics over HTTP, on real Azurite and DuckDB.
/// With inactivityDays = 10 (settings.json): c0 buys Jan 1 and Jan 11 (exactly q + W: no break); c1 buys Jan 5 and
/// Jan 20 (churns Jan 15, reactivates Jan 20, churns Jan 30); c2 buys twice on Feb 10 and churns Feb 20; a cancelled
/// and a refunded order make no purchase. January: 40 active customer-days over 31 days, 2 distinct churned
/// customers, so churn (average) = 2 ÷ (40/31) = 155 %. The as-of date is the last order day, Feb 10: February is
/// partial and c2's churn on Feb 20 is not known yet.
/// </summary>
public sealed class PipelineTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    public const string OrdersCsv =
        "order_id,customer_id,order_date,amount,currency,status\n" +
        "o1,c0,2025-01-01,10.00,EUR,completed\n" +
        "o2,c0,2025-01-11,20.00,EUR,completed\n" +
        "o3,c1,2025-01-05,5.00,EUR,\n" +
        "o4,c1,2025-01-20,15.00,EUR,completed\n" +
        "o5,c2,2025-02-10,5.00,EUR,completed\n" +
        "o6,c2,2025-02-10,7.00,EUR,completed\n" +
        "o7,c3,2025-01-08,99.00,EUR,cancelled\n" +
        "o8,c3,2025-02-03,50.00,EUR,refunded\n";

    private async Task RunAsync() => Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

    [Fact]
    public async Task OrdersDropped_ChurnRateIsServedPerMonth()
    {
        await DropAsync("shop/settings.json", """{"inactivityDays": 10}""");
        await DropAsync("shop/orders/orders.csv", OrdersCsv);

        await RunAsync();

        var rows = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/shop/metrics/churn-rate");
        Assert.NotNull(rows);
        var january = rows.Single(r => (string?)r!["period"] == "2025-01")!;
        Assert.Equal(155m, (decimal?)january["value"]);
        Assert.Equal(2m, (decimal?)january["numerator"]);
        Assert.Equal(1.290323m, (decimal?)january["denominator"]);
        Assert.Equal("average", (string?)january["preset"]);
        Assert.Equal("percent", (string?)january["unit"]);
        Assert.Equal("2025-02-10", (string?)january["asOf"]);
        Assert.False((bool?)january["partial"]);
        var february = rows.Single(r => (string?)r!["period"] == "2025-02")!;
        Assert.True((bool?)february["partial"]);
        Assert.Equal(0m, (decimal?)february["value"]);
        Assert.Equal(0.1m, (decimal?)february["denominator"]);
    }

    [Fact]
    public async Task CancelledRefundedAndSameDayOrders_CountAsTheDefinitionsSay()
    {
        await DropAsync("shop/settings.json", """{"inactivityDays": 10}""");
        await DropAsync("shop/orders/orders.csv", OrdersCsv);
        await RunAsync();

        async Task<decimal?> ValueAsync(string metric, string period)
        {
            var rows = await Client.GetFromJsonAsync<JsonArray>($"/api/datasets/shop/metrics/{metric}?from={period}&to={period}");
            return (decimal?)Assert.Single(rows!)!["value"];
        }

        Assert.Equal(2m, await ValueAsync("new-customers", "2025-01"));
        Assert.Equal(1m, await ValueAsync("reactivated-customers", "2025-01"));
        Assert.Equal(2m, await ValueAsync("churned-customers", "2025-01"));
        Assert.Equal(50m, await ValueAsync("revenue", "2025-01"));
        Assert.Equal(4m, await ValueAsync("orders", "2025-01"));
        Assert.Equal(12.5m, await ValueAsync("aov", "2025-01"));
        Assert.Equal(12m, await ValueAsync("revenue", "2025-02"));
        Assert.Equal(2m, await ValueAsync("orders", "2025-02"));
        Assert.Equal(1m, await ValueAsync("new-customers", "2025-02"));
        Assert.Equal(16.129032m, await ValueAsync("clv-simple", "2025-01"));
    }

    [Fact]
    public async Task Cohorts_FollowFirstPurchaseMonths_AndLeaveOutCustomersWhoNeverBought()
    {
        await DropAsync("shop/orders/orders.csv", OrdersCsv);
        await RunAsync();

        var matrix = await Client.GetFromJsonAsync<JsonObject>("/api/datasets/shop/cohorts");
        var cohorts = matrix!["cohorts"]!.AsArray();
        var january = cohorts.Single(c => (string?)c!["cohort"] == "2025-01")!;
        Assert.Equal(2, (int?)january["size"]);
        Assert.Equal([100m, 0m], january["months"]!.AsArray().Select(m => (decimal?)m!["value"]));
        var february = cohorts.Single(c => (string?)c!["cohort"] == "2025-02")!;
        Assert.Equal(1, (int?)february["size"]);
        Assert.True((bool?)february["months"]![0]!["partial"]);

        var csv = await Client.GetStringAsync("/api/datasets/shop/cohorts?format=csv");
        Assert.StartsWith("cohort,cohortStart,monthsAfter,customers,cohortSize,value,partial\r\n2025-01,2025-01-01,0,2,2,100,false", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presets_AreSelectable_AndCsvHasTheJsonColumns()
    {
        await DropAsync("shop/settings.json", """{"inactivityDays": 10}""");
        await DropAsync("shop/orders/orders.csv", OrdersCsv);
        await RunAsync();

        var all = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/shop/metrics/churn-rate?preset=all&from=2025-01&to=2025-01");
        Assert.Equal(["average", "start", "start-plus-new"], all!.Select(r => (string?)r!["preset"]).Order());
        Assert.Null(all!.Single(r => (string?)r!["preset"] == "start")!["value"]);
        Assert.Equal(100m, (decimal?)all!.Single(r => (string?)r!["preset"] == "start-plus-new")!["value"]);

        var csv = await Client.GetStringAsync("/api/datasets/shop/metrics/churn-rate?format=csv&from=2025-01&to=2025-01");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dataset,metric,grain,period,periodStart,periodEnd,segment,value,numerator,denominator,unit,preset,definitionVersion,generation,computedAt,asOf,partial,lowSample,warning", lines[0]);
        Assert.StartsWith("shop,churn-rate,month,2025-01,2025-01-01,2025-02-01,*,155,2,1.290323,percent,average,2,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_CarryAnETag_AndIfNoneMatchGives304()
    {
        await DropAsync("shop/orders/orders.csv", OrdersCsv);
        await RunAsync();

        var first = await Client.GetAsync("/api/datasets/shop/metrics/revenue");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/datasets/shop/metrics/revenue");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag);
        var second = await Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task ConcurrentRecomputes_OfTheSameInput_PublishOneGeneration()
    {
        await DropAsync("shop/orders/orders.csv", OrdersCsv);
        await Exports.UploadBlobAsync("shop/customers/customers.csv", BinaryData.FromString("customer_id,country\nc0,ES\n"));
        await Invocation.PostAsync(Client, "ScanExports", Invocation.Timer("ScanExports"));
        var ingest = Factory.Clients.Queues.GetQueueClient(Factory.Names.IngestQueue);
        foreach (var message in (await ingest.ReceiveMessagesAsync(16)).Value)
        {
            await Invocation.PostAsync(Client, "IngestExport", Invocation.Queue("IngestExport", message.Body.ToString(), 1, Invocation.Shape.Real));
        }

        var recompute = JsonSerializer.Serialize(new RecomputeMessage("shop"), MessageJsonContext.Default.RecomputeMessage);
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Invocation.PostAsync(Client, "ComputeMetrics", Invocation.Queue("ComputeMetrics", recompute, 1, Invocation.Shape.Real))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Response.StatusCode));
        var table = Factory.Clients.Tables.GetTableClient(Factory.Names.SnapshotsTable);
        var generations = new HashSet<string>();
        await foreach (var entity in table.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey"]))
        {
            generations.Add(entity.PartitionKey);
        }

        var current = await Client.GetFromJsonAsync<JsonArray>("/api/datasets");
        Assert.Equal(["shop|" + (string?)current![0]!["generation"]], generations);
    }

    [Fact]
    public async Task AsOfDate_SetByTheNightlyRun_DoesNotMoveBackOnTheNextIngestion()
    {
        await DropAsync("shop/orders/orders.csv", OrdersCsv);
        await RunAsync();
        var nightly = JsonSerializer.Serialize(new RecomputeMessage("shop", new DateOnly(2025, 3, 31), "nightly"), MessageJsonContext.Default.RecomputeMessage);
        await Invocation.PostAsync(Client, "ComputeMetrics", Invocation.Queue("ComputeMetrics", nightly, 1, Invocation.Shape.Real));
        Assert.Equal("2025-03-31", (string?)(await Client.GetFromJsonAsync<JsonArray>("/api/datasets"))![0]!["asOf"]);

        await DropAsync("shop/orders/late.csv", "order_id,customer_id,order_date,amount\no9,c9,2025-02-12,8.00\n");
        await RunAsync();

        var shop = (await Client.GetFromJsonAsync<JsonArray>("/api/datasets"))![0]!;
        Assert.Equal("2025-03-31", (string?)shop["asOf"]);
        Assert.Equal(5, (int?)shop["customers"]);
    }

    [Fact]
    public async Task ChangedDateOrder_ReingestsTheFiles_AndReplacesWhatWasReadBefore()
    {
        // Every date is ambiguous, and nothing in the file says European: read month first (March 4, June 5).
        await DropAsync("shop/orders/orders.csv", "order_id,customer_id,order_date,amount\no1,c1,03/04/2025,10.00\no2,c2,05/06/2025,20.00\n");
        await RunAsync();
        Assert.Equal(10m, await RevenueAsync("2025-03"));

        await DropAsync("shop/settings.json", """{"dateOrder": "dmy"}""");
        await RunAsync();

        Assert.Null(await RevenueAsync("2025-03"));
        Assert.Equal(10m, await RevenueAsync("2025-04"));
        Assert.Equal(20m, await RevenueAsync("2025-06"));
        var ledger = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/shop/ingestions");
        var orders = ledger!.Where(e => (string?)e!["kind"] == "orders").Select(e => (string)e!["status"]!).Order().ToArray();
        Assert.Equal(["succeeded", "superseded"], orders);

        async Task<decimal?> RevenueAsync(string month)
        {
            var rows = await Client.GetFromJsonAsync<JsonArray>($"/api/datasets/shop/metrics/revenue?from={month}&to={month}");
            return rows!.Count == 0 ? null : (decimal?)rows[0]!["value"];
        }
    }

    [Fact]
    public async Task Datasets_ListTheCurrentGenerationAndAsOf()
    {
        await DropAsync("shop/orders/orders.csv", OrdersCsv);
        await RunAsync();

        var datasets = await Client.GetFromJsonAsync<JsonArray>("/api/datasets");
        var shop = Assert.Single(datasets!)!;
        Assert.Equal("shop", (string?)shop["dataset"]);
        Assert.Equal("2025-02-10", (string?)shop["asOf"]);
        Assert.False(string.IsNullOrEmpty((string?)shop["generation"]));
        Assert.Equal(4, (int?)shop["customers"]);
    }

    [Fact]
    public async Task SameBytesTwice_AreIngestedOnce()
    {
        await DropAsync("shop/orders/a.csv", OrdersCsv);
        await DropAsync("shop/orders/b.csv", OrdersCsv);
        await RunAsync();

        var ingestions = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/shop/ingestions");
        Assert.Equal(["duplicate", "succeeded"], ingestions!.Select(i => (string?)i!["status"]).Order());
    }

    [Fact]
    public async Task Upload_ThroughTheApi_IsIngestedLikeADrop()
    {
        using var content = new StringContent(OrdersCsv, Encoding.UTF8, "text/csv");
        var response = await Client.PostAsync("/api/datasets/upload/exports/orders?fileName=orders.csv", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = response.Headers.Location!.ToString();

        await RunAsync();

        var ingestion = await Client.GetFromJsonAsync<JsonObject>(status);
        Assert.Equal("succeeded", (string?)ingestion!["status"]);
        Assert.Equal(8, (long?)ingestion["rowsRead"]);
        Assert.Equal(8, (long?)ingestion["accepted"]);
        var revenue = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/upload/metrics/revenue?from=2025-01&to=2025-01");
        Assert.Equal(50m, (decimal?)Assert.Single(revenue!)!["value"]);
    }

    [Fact]
    public async Task Upload_OfAnUnknownKind_IsAProblem()
    {
        using var content = new StringContent("a,b\n1,2\n", Encoding.UTF8, "text/csv");
        var response = await Client.PostAsync("/api/datasets/upload/exports/invoices", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
