using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Centric.Engine.Samples;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>Predictive CLV served per customer and as a readable fit report, from the generated sample dataset.</summary>
public sealed class ClvEndpointTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var options = new SampleOptions(Customers: 600);
        var orders = new StringWriter();
        SampleExports.WriteOrdersCsv(orders, options);
        var customers = new StringWriter();
        SampleExports.WriteCustomersCsv(customers, options);
        await DropAsync("sample/orders/orders.csv", orders.ToString());
        await DropAsync("sample/customers/customers.csv", customers.ToString());
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
    }

    [Fact]
    public async Task Customer_HasClvPAliveAndTier()
    {
        var high = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/sample/metrics/clv-predicted?segment=clv-tier:*");
        Assert.Contains(high!, r => (string?)r!["segment"] == "clv-tier:high");
        var orders = new StringWriter();
        SampleExports.WriteOrdersCsv(orders, new SampleOptions(Customers: 600));
        var someCustomer = orders.ToString().Split('\n')[1].Split(',')[1];

        var customer = await Client.GetFromJsonAsync<JsonObject>($"/api/datasets/sample/customers/{someCustomer}");

        Assert.Equal(someCustomer, (string?)customer!["customerId"]);
        Assert.InRange((double)customer["pAlive"]!, 0, 1);
        Assert.True((decimal)customer["clv"]! >= 0);
        Assert.Contains((string?)customer["tier"], new[] { "high", "mid", "low" });
        Assert.Equal("week", (string?)customer["summary"]!["timeUnit"]);
    }

    [Fact]
    public async Task PAliveDistribution_CountsEveryScoredCustomerOncePerDecileAndTier()
    {
        var distribution = await Client.GetFromJsonAsync<JsonObject>("/api/datasets/sample/clv/p-alive");

        var bins = distribution!["bins"]!.AsArray();
        Assert.Equal(10, bins.Count);
        Assert.Equal(0.0, (double)bins[0]!["from"]!);
        Assert.Equal(1.0, (double)bins[9]!["to"]!);
        var customers = (int)distribution["customers"]!;
        Assert.InRange(customers, 500, 600);
        Assert.Equal(customers, bins.Sum(b => (int)b!["customers"]!));
        Assert.All(bins, b => Assert.Equal((int)b!["customers"]!, b["tiers"]!.AsObject().Sum(t => (int)t.Value!)));
        var high = bins.Sum(b => (int?)b!["tiers"]!["high"] ?? 0);
        Assert.Equal((int)Math.Round(customers * 0.2, MidpointRounding.AwayFromZero), high);
    }

    [Fact]
    public async Task UnknownCustomer_IsNotFound()
    {
        var response = await Client.GetAsync("/api/datasets/sample/customers/nobody-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ClvFit_ReportsModelParametersAndHoldout()
    {
        var report = await Client.GetFromJsonAsync<JsonObject>("/api/datasets/sample/clv");

        var fit = report!["fit"]!;
        Assert.Equal("bgnbd", (string?)fit["model"]);
        Assert.True((double)fit["parameters"]!["r"]! > 0);
        Assert.Equal("converged", (string?)fit["status"]!["outcome"]);
        Assert.NotNull(fit["holdout"]!["predicted"]);
        Assert.Equal(8, fit["holdout"]!["byFrequency"]!.AsArray().Count);
    }

    [Fact]
    public async Task Snapshot_ListsEveryMetricForTheLatestMonth()
    {
        var rows = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/sample/snapshot");

        var metrics = rows!.Select(r => (string?)r!["metric"]).Distinct().ToArray();
        Assert.Contains("churn-rate", metrics);
        Assert.Contains("clv-predicted", metrics);
        Assert.Single(rows!.Select(r => (string?)r!["period"]).Distinct());
        Assert.All(rows!, r => Assert.Equal("*", (string?)r!["segment"]));
    }

    [Fact]
    public async Task Snapshot_HasExactlyTheRowsThePerMetricRouteServesForTheAsOfMonth()
    {
        var asOf = DateOnly.Parse((string)(await Client.GetFromJsonAsync<JsonArray>("/api/datasets"))!.Single()!["asOf"]!, System.Globalization.CultureInfo.InvariantCulture);
        var month = $"{asOf:yyyy-MM}";
        var expected = new List<string>();
        foreach (var metric in (await Client.GetFromJsonAsync<JsonArray>("/api/metrics"))!)
        {
            var presets = metric!["presets"]!.AsArray().Count > 0 ? "&preset=all" : "";
            var rows = await Client.GetFromJsonAsync<JsonArray>(
                $"/api/datasets/sample/metrics/{(string)metric["id"]!}?grain=month&from={month}&to={month}&segment=*{presets}&top=10000");
            expected.AddRange(rows!.Select(r => r!.ToJsonString()));
        }

        var snapshot = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/sample/snapshot");

        Assert.True(expected.Count > 10, $"Expected rows for many metrics, found {expected.Count}.");
        Assert.Equal(expected.Order(StringComparer.Ordinal), snapshot!.Select(r => r!.ToJsonString()).Order(StringComparer.Ordinal));
    }
}
