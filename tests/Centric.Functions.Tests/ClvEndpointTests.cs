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
}
