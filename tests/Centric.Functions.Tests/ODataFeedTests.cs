using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Centric.Testing;
using Microsoft.OData.Edm;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// The OData feed at /api/odata as Power BI and Excel read it, on the pipeline's real output: $metadata, server-driven
/// paging through a whole generation (a 25-row page, so the sample generation takes many pages), incremental-refresh
/// filters, the query options, OData errors and conditional requests.
/// </summary>
public sealed class ODataFeedTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private WebApplicationFactory<Centric.Functions.Invocations.InvocationPayload> _smallPages = null!;
    private HttpClient _paged = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DropAsync("shop/settings.json", """{"inactivityDays": 10}""");
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
        _smallPages = Factory.WithWebHostBuilder(b => b.UseSetting("OData:PageSize", "25"));
        _paged = _smallPages.CreateClient();
    }

    public override async Task DisposeAsync()
    {
        _paged.Dispose();
        await _smallPages.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task AnODataClient_PagesThroughTheGeneration_AndGetsTheJsonApisRows()
    {
        var odata = new ODataClient(_paged);
        await odata.ReadMetadataAsync();
        Assert.Equal(
            ["Cohorts", "Customers", "Datasets", "Ingestions", "Metrics", "Snapshots"],
            odata.Model.EntityContainer.EntitySets().Select(s => s.Name).Order(StringComparer.Ordinal));

        var (rows, pages, count) = await odata.ReadAllAsync("Snapshots", "?$count=true");
        Assert.True(pages > 3, $"Expected several pages of 25 rows, got {pages}.");
        Assert.Equal(rows.Count, count);
        Assert.Equal(rows.Count, rows.Select(r => (string)r["id"]!).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Equal("shop", r["dataset"]));

        var metrics = await Client.GetFromJsonAsync<JsonArray>("/api/metrics");
        var compared = 0;
        foreach (var (metric, presets) in metrics!.Select(m => ((string)m!["id"]!, m["presets"]!.AsArray().Count > 0 ? "&preset=all" : "")))
        {
            foreach (var grain in new[] { "month", "quarter", "year" })
            {
                var json = await Client.GetFromJsonAsync<JsonArray>($"/api/datasets/shop/metrics/{metric}?grain={grain}{presets}&top=10000");
                var expected = json!.Select(r => Row((string)r!["period"]!, (string)r["periodStart"]!, (string?)r["preset"], (decimal?)r["value"], (decimal?)r["numerator"], (bool)r["partial"]!))
                    .Order(StringComparer.Ordinal).ToArray();
                var actual = rows.Where(r => (string)r["metric"]! == metric && (string)r["grain"]! == grain && (string)r["segment"]! == "*")
                    .Select(r => Row((string)r["period"]!, r["periodStart"]!.ToString()!, (string?)r["preset"], (decimal?)r["value"], (decimal?)r["numerator"], (bool)r["partial"]!))
                    .Order(StringComparer.Ordinal).ToArray();
                Assert.Equal(expected, actual);
                compared += expected.Length;
            }
        }

        Assert.True(compared > 50, $"Compared only {compared} rows with the JSON API.");
    }

    [Fact]
    public async Task IncrementalRefreshRange_ReturnsExactlyTheRowsStartingInIt()
    {
        var odata = new ODataClient(_paged);
        await odata.ReadMetadataAsync();
        var (all, _, _) = await odata.ReadAllAsync("Snapshots");

        var (january, _, _) = await odata.ReadAllAsync("Snapshots", "?$filter=periodStart ge 2025-01-01 and periodStart lt 2025-02-01");
        var expected = all.Where(r => r["periodStart"]!.ToString() is var start && string.CompareOrdinal(start, "2025-01-01") >= 0 && string.CompareOrdinal(start, "2025-02-01") < 0)
            .Select(r => (string)r["id"]!).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, january.Select(r => (string)r["id"]!));

        // The terms the table evaluates (dataset, metric, grain, segment) and one it cannot (value) together.
        var (churn, _, _) = await odata.ReadAllAsync(
            "Snapshots", "?$filter=dataset eq 'shop' and metric eq 'churn-rate' and grain eq 'month' and segment eq '*' and value ne null and periodStart lt 2025-02-01");
        Assert.Equal(
            all.Where(r => (string)r["metric"]! == "churn-rate" && (string)r["grain"]! == "month" && (string)r["segment"]! == "*" && r["value"] is not null
                && string.CompareOrdinal(r["periodStart"]!.ToString(), "2025-02-01") < 0).Select(r => (string)r["id"]!),
            churn.Select(r => (string)r["id"]!));
        Assert.Equal(["average", "start-plus-new"], churn.Select(r => (string)r["preset"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TopSkipCountSelectAndOrderBy_FollowTheProtocol()
    {
        var whole = await Client.GetFromJsonAsync<JsonObject>("/api/odata/Snapshots?$count=true");
        var ids = whole!["value"]!.AsArray().Select(r => (string)r!["id"]!).ToArray();
        Assert.Equal(ids.Length, (long)whole["@odata.count"]!);
        Assert.Null(whole["@odata.nextLink"]);

        var window = await Client.GetFromJsonAsync<JsonObject>("/api/odata/Snapshots?$top=3&$skip=2&$count=true");
        Assert.Equal(ids[2..5], window!["value"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.Equal(ids.Length, (long)window["@odata.count"]!);

        // $top beyond one page: 25 rows and a next link, then the 5 left and no link.
        var first = await _paged.GetFromJsonAsync<JsonObject>("/api/odata/Snapshots?$top=30");
        Assert.Equal(25, first!["value"]!.AsArray().Count);
        var second = await _paged.GetFromJsonAsync<JsonObject>((string)first["@odata.nextLink"]!);
        Assert.Equal(ids[25..30], second!["value"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.Null(second["@odata.nextLink"]);

        var selected = await Client.GetFromJsonAsync<JsonObject>("/api/odata/Snapshots?$select=metric,value&$top=5");
        Assert.All(selected!["value"]!.AsArray(), r => Assert.Equal(["metric", "value"], r!.AsObject().Select(p => p.Key).Where(k => !k.StartsWith('@')).Order(StringComparer.Ordinal)));

        var ordered = await _paged.GetFromJsonAsync<JsonObject>("/api/odata/Snapshots?$filter=metric eq 'revenue' and value ne null&$orderby=value desc,id");
        var values = ordered!["value"]!.AsArray().Select(r => (decimal)r!["value"]!).ToArray();
        Assert.NotEmpty(values);
        Assert.Equal(values.OrderDescending(), values);
    }

    [Fact]
    public async Task AnInvalidFilter_IsA400InTheODataErrorFormat()
    {
        using var response = await Client.GetAsync(new Uri("/api/odata/Snapshots?$filter=nosuch eq 1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        Assert.Contains("nosuch", (string?)error["message"], StringComparison.Ordinal);
        Assert.NotNull(error["code"]);
    }

    [Fact]
    public async Task ASecondRequestWithTheETag_Is304()
    {
        foreach (var path in new[] { "Snapshots?$filter=metric eq 'revenue'", "Metrics", "Datasets", "Ingestions", "Customers", "Cohorts" })
        {
            using var first = await Client.GetAsync(new Uri("/api/odata/" + path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/odata/" + path, UriKind.Relative));
            request.Headers.IfNoneMatch.Add(etag);
            using var second = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        }

        var customers = await Client.GetFromJsonAsync<JsonObject>("/api/odata/Customers?$filter=customerId eq 'c0'");
        Assert.Equal("shop|c0", (string?)Assert.Single(customers!["value"]!.AsArray())!["id"]);
    }

    private static string Row(string period, string periodStart, string? preset, decimal? value, decimal? numerator, bool partial) =>
        string.Join('|', period, periodStart, preset ?? "", value?.ToString(CultureInfo.InvariantCulture) ?? "null",
            numerator?.ToString(CultureInfo.InvariantCulture) ?? "null", partial);
}
