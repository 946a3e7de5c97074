using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Centric.Engine.Samples;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>Predictive CLV served per customer and as a readable fit report, from the generated sample dataset.</summary>
[Collection(SharedAzurite.Name)]
#pragma warning disable CA1001 // The factory is disposed in DisposeAsync (xUnit's async lifetime).
public sealed class ClvEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly HandlerFactory _factory = new(azurite);
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        await _factory.Clients.EnsureCreatedAsync();
        var options = new SampleOptions(Customers: 600);
        var orders = new StringWriter();
        SampleExports.WriteOrdersCsv(orders, options);
        var customers = new StringWriter();
        SampleExports.WriteCustomersCsv(customers, options);
        var exports = _factory.Clients.Blobs.GetBlobContainerClient(_factory.Names.Exports);
        await exports.UploadBlobAsync("sample/orders/orders.csv", BinaryData.FromString(orders.ToString()));
        await exports.UploadBlobAsync("sample/customers/customers.csv", BinaryData.FromString(customers.ToString()));
        await Invocation.PostAsync(_client, "ScanExports", Invocation.Timer("ScanExports"));
        Assert.All(await QueueDriver.DrainAsync(_client, _factory.Clients), i => Assert.Equal(200, i.Status));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Customer_HasClvPAliveAndTier()
    {
        var high = await _client.GetFromJsonAsync<JsonArray>("/api/datasets/sample/metrics/clv-predicted?segment=clv-tier:*");
        Assert.Contains(high!, r => (string?)r!["segment"] == "clv-tier:high");
        var orders = new StringWriter();
        SampleExports.WriteOrdersCsv(orders, new SampleOptions(Customers: 600));
        var someCustomer = orders.ToString().Split('\n')[1].Split(',')[1];

        var customer = await _client.GetFromJsonAsync<JsonObject>($"/api/datasets/sample/customers/{someCustomer}");

        Assert.Equal(someCustomer, (string?)customer!["customerId"]);
        Assert.InRange((double)customer["pAlive"]!, 0, 1);
        Assert.True((decimal)customer["clv"]! >= 0);
        Assert.Contains((string?)customer["tier"], new[] { "high", "mid", "low" });
        Assert.Equal("week", (string?)customer["summary"]!["timeUnit"]);
    }

    [Fact]
    public async Task UnknownCustomer_IsNotFound()
    {
        var response = await _client.GetAsync("/api/datasets/sample/customers/nobody-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ClvFit_ReportsModelParametersAndHoldout()
    {
        var report = await _client.GetFromJsonAsync<JsonObject>("/api/datasets/sample/clv");

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
        var rows = await _client.GetFromJsonAsync<JsonArray>("/api/datasets/sample/snapshot");

        var metrics = rows!.Select(r => (string?)r!["metric"]).Distinct().ToArray();
        Assert.Contains("churn-rate", metrics);
        Assert.Contains("clv-predicted", metrics);
        Assert.Single(rows!.Select(r => (string?)r!["period"]).Distinct());
        Assert.All(rows!, r => Assert.Equal("*", (string?)r!["segment"]));
    }
}
