using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Centric.LocalHost.Storage;
using Centric.Storage.Connection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// The handler with storage that does not answer (Azurite stopped): it still starts, health says which parts are
/// down with a 503, and an upload is a 503 problem with a trace id, never a bare 500.
/// </summary>
public sealed class UnreachableStorageTests : IClassFixture<UnreachableStorageTests.Factory>
{
    private readonly HttpClient _client;

    public UnreachableStorageTests(Factory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _client = factory.CreateClient();
    }

    [Fact]
    public async Task Health_WhileStorageIsUnreachable_Is503NamingEachPart()
    {
        using var response = await _client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("unhealthy", (string?)body!["status"]);
        foreach (var part in new[] { "blob", "queue", "table" })
        {
            Assert.StartsWith("unhealthy", (string?)body["components"]![part], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Upload_WhileStorageIsUnreachable_Is503ProblemWithTraceId()
    {
        using var content = new StringContent("order_id,customer_id,order_date,amount\no1,c1,2025-01-01,10\n", Encoding.UTF8, "text/csv");

        using var response = await _client.PostAsync(new Uri("/api/datasets/down/exports/orders", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(string.IsNullOrEmpty((string?)problem!["traceId"]));
        Assert.Contains("Retry", (string?)problem["detail"], StringComparison.Ordinal);
    }

    /// <summary>The in-process handler pointed at loopback ports nobody listens on.</summary>
    public sealed class Factory : WebApplicationFactory<Centric.Functions.Invocations.InvocationPayload>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var ports = AzuriteProcess.FreePorts(3);
            builder.UseSetting(StorageClients.SettingName, AzuriteProcess.ConnectionStringFor(ports[0], ports[1], ports[2]));
        }
    }
}
