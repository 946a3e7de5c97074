using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Centric.Domain.Families.CustomerLists;
using Centric.Storage.Datasets;
using Centric.Storage.Scores;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// The customers behind a count or an MRR movement, through the real pipeline: each list is checked against lists
/// worked out by hand, and every list's count or sum against the metric's own value for the same period and segment.
/// </summary>
/// <remarks>
/// Shop, inactivityDays = 30, as-of 2025-03-25 (the last order). c1 (ES) buys Jan 5 and Jan 20: spell [Jan 5, Feb 19).
/// c2 (IT) buys Jan 10: [Jan 10, Feb 9), and Mar 15: reactivated, [Mar 15, Apr 14). c3 (ES) buys Feb 3: [Feb 3, Mar 5).
/// c4 (ES) buys Mar 1 and Mar 25: [Mar 1, Apr 24).
/// SaaS, as-of 2025-03-20 (the last start). k1 (ES): s1 100 Jan 1 – Feb 15, then s2 150 from Feb 15 (upgrade).
/// k2 (IT): s3 50 Jan 10 – Feb 1 (churn in February), s4 60 from Mar 10 (reactivation). k3 (ES): s5 200 Jan 20 – Mar 1,
/// then s7 120 (contraction in March). k4 (IT): s8 40 from Mar 20 (new in March).
/// </remarks>
public sealed class CustomerListTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private const string Customers = "customer_id,country\nc1,ES\nc2,IT\nc3,ES\nc4,ES\n";

    private const string Orders =
        "order_id,customer_id,order_date,amount\n" +
        "o1,c1,2025-01-05,10\no2,c1,2025-01-20,20\no3,c2,2025-01-10,30\no4,c2,2025-03-15,40\n" +
        "o5,c3,2025-02-03,50\no6,c4,2025-03-01,60\no7,c4,2025-03-25,70\n";

    private const string SaasCustomers = "customer_id,country\nk1,ES\nk2,IT\nk3,ES\nk4,IT\n";

    private const string Subscriptions =
        "subscription_id,customer_id,start_date,end_date,mrr\n" +
        "s1,k1,2025-01-01,2025-02-15,100\ns2,k1,2025-02-15,,150\n" +
        "s3,k2,2025-01-10,2025-02-01,50\ns4,k2,2025-03-10,,60\n" +
        "s5,k3,2025-01-20,2025-03-01,200\ns7,k3,2025-03-01,,120\n" +
        "s8,k4,2025-03-20,,40\n";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DropAsync("shop/settings.json", """{"inactivityDays": 30}""");
        await DropAsync("shop/customers/customers.csv", Customers);
        await DropAsync("shop/orders/orders.csv", Orders);
        await DropAsync("subs/customers/customers.csv", SaasCustomers);
        await DropAsync("subs/subscriptions/subscriptions.csv", Subscriptions);
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
    }

    private async Task<JsonObject> ListAsync(string dataset, string metric, string query) =>
        (await Client.GetFromJsonAsync<JsonObject>($"/api/datasets/{dataset}/metrics/{metric}/customers?{query}"))!;

    private static string[] Ids(JsonObject list) => [.. list["customers"]!.AsArray().Select(c => (string)c!["customerId"]!)];

    [Fact]
    public async Task CountLists_AreTheCustomersWorkedOutByHand_WithTheDayThatCountedThem()
    {
        var newJanuary = await ListAsync("shop", "new-customers", "period=2025-01");
        Assert.Equal(["c1", "c2"], Ids(newJanuary));
        Assert.Equal(["2025-01-05", "2025-01-10"], newJanuary["customers"]!.AsArray().Select(c => (string?)c!["day"]));
        Assert.Equal(2m, (decimal?)newJanuary["value"]);
        Assert.Equal(2m, (decimal?)newJanuary["total"]);

        var churnedFebruary = await ListAsync("shop", "churned-customers", "period=2025-02");
        Assert.Equal(["c1", "c2"], Ids(churnedFebruary));
        Assert.Equal(["2025-02-19", "2025-02-09"], churnedFebruary["customers"]!.AsArray().Select(c => (string?)c!["day"]));

        var reactivated = await ListAsync("shop", "reactivated-customers", "period=2025-03");
        Assert.Equal(["c2"], Ids(reactivated));
        Assert.Equal("2025-03-15", (string?)reactivated["customers"]![0]!["day"]);

        // The partial period: active on the as-of date.
        var active = await ListAsync("shop", "active-customers", "period=2025-03");
        Assert.Equal(["c2", "c4"], Ids(active));
        Assert.All(active["customers"]!.AsArray(), c => Assert.Equal("2025-03-25", (string?)c!["day"]));
        Assert.Equal(["c3"], Ids(await ListAsync("shop", "active-customers", "period=2025-02")));

        Assert.Equal(["c1"], Ids(await ListAsync("shop", "churned-customers", "period=2025-02&segment=country:ES")));
        var quarter = await ListAsync("shop", "churned-customers", "period=2025-Q1&grain=quarter");
        Assert.Equal(["c1", "c2", "c3"], Ids(quarter));
        Assert.Equal("2025-Q1", (string?)quarter["period"]);
        Assert.Equal(["c1", "c2", "c3", "c4"], Ids(await ListAsync("shop", "new-customers", "period=2025-02-14&grain=quarter")));
    }

    [Fact]
    public async Task MrrLists_CarryTheMrrBeforeAndAfter_TheMovement_AndTheSubscriptionsInvolved()
    {
        var expansion = await ListAsync("subs", "mrr-expansion", "period=2025-02");
        var k1 = Assert.Single(expansion["customers"]!.AsArray())!;
        Assert.Equal("k1", (string?)k1["customerId"]);
        Assert.Equal((100m, 150m, 50m), ((decimal)k1["mrrBefore"]!, (decimal)k1["mrrAfter"]!, (decimal)k1["movement"]!));
        Assert.Equal(["s1", "s2"], k1["subscriptions"]!.AsArray().Select(s => (string?)s));
        Assert.Null(k1["day"]);

        var churn = Assert.Single((await ListAsync("subs", "mrr-churn", "period=2025-02"))["customers"]!.AsArray())!;
        Assert.Equal(("k2", 50m, 0m, -50m), ((string)churn["customerId"]!, (decimal)churn["mrrBefore"]!, (decimal)churn["mrrAfter"]!, (decimal)churn["movement"]!));

        var contraction = Assert.Single((await ListAsync("subs", "mrr-contraction", "period=2025-03&segment=country:ES"))["customers"]!.AsArray())!;
        Assert.Equal(("k3", -80m), ((string)contraction["customerId"]!, (decimal)contraction["movement"]!));
        Assert.Equal(["s5", "s7"], contraction["subscriptions"]!.AsArray().Select(s => (string?)s));

        Assert.Equal(["k2"], Ids(await ListAsync("subs", "mrr-reactivation", "period=2025-03")));
        Assert.Equal(["k4"], Ids(await ListAsync("subs", "mrr-new", "period=2025-03")));
        Assert.Equal(["k1", "k2", "k3"], Ids(await ListAsync("subs", "mrr-new", "period=2025-01")));
        // k3 kept its 200 through February: a contraction of 0 lists no one.
        Assert.Empty(Ids(await ListAsync("subs", "mrr-contraction", "period=2025-02")));
    }

    private static readonly (string Dataset, string Metric, string Grain)[] EveryList =
    [
        ("shop", "new-customers", "month"), ("shop", "reactivated-customers", "month"), ("shop", "churned-customers", "month"),
        ("shop", "active-customers", "month"), ("shop", "churned-customers", "quarter"), ("shop", "active-customers", "year"),
        ("subs", "mrr-new", "month"), ("subs", "mrr-expansion", "month"), ("subs", "mrr-contraction", "month"),
        ("subs", "mrr-churn", "month"), ("subs", "mrr-reactivation", "month"), ("subs", "mrr-churn", "quarter"),
    ];

    [Fact]
    public async Task EveryPeriodsList_CountsOrSumsToTheMetricsValue_InEverySegment()
    {
        var checkedLists = 0;
        foreach (var ((dataset, metric, grain), segment) in EveryList.SelectMany(l => new[] { "*", "country:ES", "country:IT" }.Select(s => (l, s))))
        {
            var rows = (await Client.GetFromJsonAsync<JsonArray>($"/api/datasets/{dataset}/metrics/{metric}?grain={grain}&segment={segment}"))!;
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                var period = (string)row!["period"]!;
                var list = await ListAsync(dataset, metric, $"period={period}&grain={grain}&segment={Uri.EscapeDataString(segment)}");
                var customers = list["customers"]!.AsArray();
                var total = CustomerLists.CountMetrics.Contains(metric) ? customers.Count : customers.Sum(c => (decimal)c!["movement"]!);
                Assert.True((decimal?)row["value"] == total, $"{dataset} {metric} {grain} {period} {segment}: value {row["value"]}, list {total}");
                Assert.Equal(total, (decimal?)list["total"]);
                Assert.Equal(customers.Count, (int?)list["count"]);
                checkedLists++;
            }
        }

        // Every listed metric, with its months, quarters and years over three segments.
        Assert.True(checkedLists >= 50, $"only {checkedLists} lists checked");
    }

    [Fact]
    public async Task Csv_GoesThroughTheCsvWriter_WithTheSameColumns()
    {
        var response = await Client.GetAsync("/api/datasets/subs/metrics/mrr-churn/customers?period=2025-02&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([CustomerLists.CsvHeader, "mrr-churn,month,2025-02,2025-02-01,k2,,50,0,-50,s3"], lines);
    }

    private static readonly (string Metric, string Query, HttpStatusCode Status, string? Parameter)[] BadRequests =
    [
        ("revenue", "period=2025-01", HttpStatusCode.NotFound, null),
        ("no-such-metric", "period=2025-01", HttpStatusCode.NotFound, null),
        ("new-customers", "", HttpStatusCode.BadRequest, "period"),
        ("new-customers", "period=2025-13", HttpStatusCode.BadRequest, "period"),
        ("new-customers", "period=2024-12", HttpStatusCode.BadRequest, "period"),
        ("new-customers", "period=2025-01&segment=country", HttpStatusCode.BadRequest, "segment"),
        ("new-customers", "period=2025-01&segment=country:*", HttpStatusCode.BadRequest, "segment"),
        ("new-customers", "period=2025-01&segment=country:FR", HttpStatusCode.BadRequest, "segment"),
        ("new-customers", "period=2025-01&grain=week", HttpStatusCode.BadRequest, "grain"),
        ("new-customers", "period=2025-01&format=xml", HttpStatusCode.BadRequest, "format"),
    ];

    [Fact]
    public async Task ListsStoredUnreadable_AnswerAServerError_NotABadRequest()
    {
        // The current generation's lists replaced by plain JSON said to be gzip: the gzip stream's InvalidDataException
        // lies inside the failure, and the fault is the stored blob's, not the request's.
        var generation = (await new DatasetRegistry(Factory.Clients).GetAsync("shop"))!.CurrentGeneration!;
        var blob = Factory.Clients.Blobs.GetBlobContainerClient(Factory.Names.Scores).GetBlobClient(ScoresStore.CustomerListsBlobName("shop", generation));
        var headers = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" };
        await blob.UploadAsync(BinaryData.FromString("""{"segments":{},"lists":[]}"""), new BlobUploadOptions { HttpHeaders = headers });

        using var response = await Client.GetAsync("/api/datasets/shop/metrics/new-customers/customers?period=2025-01");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("The request failed", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
    }

    [Fact]
    public async Task BadRequests_AnswerProblemDetails_NamingTheParameter_OrTheMetricsThatHaveLists()
    {
        foreach (var (metric, query, status, parameter) in BadRequests)
        {
            var response = await Client.GetAsync($"/api/datasets/shop/metrics/{metric}/customers?{query}");

            Assert.True(status == response.StatusCode, $"{metric}?{query}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            if (parameter is not null)
            {
                Assert.Single(problem["errors"]![parameter]!.AsArray());
                Assert.Contains(parameter, (string?)problem["detail"], StringComparison.Ordinal);
            }
            else
            {
                Assert.All(CustomerLists.Metrics, m => Assert.Contains(m, (string?)problem["detail"], StringComparison.Ordinal));
            }
        }

        // A listed metric the dataset holds nothing for.
        var noSubscriptions = await Client.GetAsync("/api/datasets/shop/metrics/mrr-churn/customers?period=2025-01");
        Assert.Equal(HttpStatusCode.NotFound, noSubscriptions.StatusCode);
        Assert.Contains("no values of mrr-churn", await noSubscriptions.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
