using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Centric.LocalHost.Tests.Support;
using Centric.Testing;
using Microsoft.AspNetCore.Http;

namespace Centric.LocalHost.Tests.Http;

public sealed class HttpProxyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime, IDisposable
{
    private readonly ScriptRootBuilder _root = new ScriptRootBuilder()
        .Http("DatasetApi", "datasets/{dataset}/{*path}", "get", "post")
        .Http("Datasets", "datasets", "get")
        .Http("Health", "health", "get");

    private readonly HttpClient _client = new();
    private RecordingHandler _handler = null!;
    private LocalFunctionsHost _host = null!;

    public async Task InitializeAsync()
    {
        _handler = await RecordingHandler.StartAsync();
        _handler.Respond = static async (request, context) =>
        {
            context.Response.StatusCode = request.Method == "POST" ? 201 : 200;
            context.Response.Headers["X-Handler-Path"] = request.Path;
            context.Response.Headers.ETag = "\"gen-7\"";
            context.Response.ContentType = request.Headers.TryGetValue("Content-Type", out var type) ? type : "text/plain";
            await context.Response.Body.WriteAsync(request.Body.Length > 0 ? request.Body : Encoding.UTF8.GetBytes("from " + request.Path));
        };
        _host = await HostRunner.StartAsync(_root, azurite, _handler);
        _client.BaseAddress = _host.ApiBaseUrl;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _handler.DisposeAsync();
    }

    public void Dispose()
    {
        _client.Dispose();
        _root.Dispose();
    }

    [Fact]
    public async Task Get_MatchingACatchAllRoute_ReachesTheHandlerAtTheSamePathWithTheQuery()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "datasets/acme/metrics/churn?from=2026-01&grain=month&segment=country%3AES");
        request.Headers.Add("X-Custom", "kept");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"gen-6\""));

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from /api/datasets/acme/metrics/churn", await response.Content.ReadAsStringAsync());
        Assert.Equal("/api/datasets/acme/metrics/churn", response.Headers.GetValues("X-Handler-Path").Single());
        Assert.Equal("\"gen-7\"", response.Headers.ETag?.Tag);
        var received = Assert.Single(_handler.Requests);
        Assert.Equal("GET", received.Method);
        Assert.Equal("/api/datasets/acme/metrics/churn", received.Path);
        Assert.Equal("?from=2026-01&grain=month&segment=country%3AES", received.Query);
        Assert.Equal("kept", received.Headers["X-Custom"]);
        Assert.Equal("\"gen-6\"", received.Headers["If-None-Match"]);
        Assert.StartsWith("127.0.0.1:", received.Headers["X-Forwarded-Host"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyAndContentTypePassThrough_AndTheStatusComesBack()
    {
        var bytes = Encoding.UTF8.GetBytes("order_id,customer_id\nO1,C1\n");
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var response = await _client.PostAsync("datasets/acme/exports/orders", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var received = Assert.Single(_handler.Requests);
        Assert.Equal("POST", received.Method);
        Assert.Equal(bytes, received.Body);
        Assert.Equal("text/csv", received.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Get_LiteralRoute_IsServed()
    {
        using var response = await _client.GetAsync("datasets");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/api/datasets", Assert.Single(_handler.Requests).Path);
    }

    [Theory]
    [InlineData("DELETE", "api/datasets/acme/x")]
    [InlineData("POST", "api/health")]
    [InlineData("GET", "api/unknown")]
    [InlineData("GET", "health")]
    [InlineData("GET", "IngestExport")]
    public async Task UnmatchedRequests_Get404ProblemDetails_AndNeverReachTheHandler(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_host.BaseUrl, path));

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task HandlerAnswerIsStreamed_StatusAndHeadersUnchanged()
    {
        _handler.Respond = static async (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = "\"gen-7\"";
            await context.Response.CompleteAsync();
        };

        using var response = await _client.GetAsync("health");

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("\"gen-7\"", response.Headers.ETag?.Tag);
    }
}
