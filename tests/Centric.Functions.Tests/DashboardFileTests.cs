using System.Net;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>The dashboard's static files: served from beside the handler, charting library included, nothing else.</summary>
public sealed class DashboardFileTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    [Fact]
    public async Task Dashboard_WithoutTrailingSlash_RedirectsKeepingTheQuery()
    {
        using var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/api/dashboard?code=abc");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("dashboard/?code=abc", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/api/dashboard/", "text/html")]
    [InlineData("/api/dashboard/app.js", "text/javascript")]
    [InlineData("/api/dashboard/app.css", "text/css")]
    [InlineData("/api/dashboard/lib/uPlot.esm.js", "text/javascript")]
    public async Task DashboardFiles_AreServedWithTheirTypeAndASameOriginPolicy(string path, string mediaType)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/dashboard/nothing.js")]
    [InlineData("/api/dashboard/..%2Fhost.json")]
    [InlineData("/api/dashboard/../Centric.Functions.dll")]
    public async Task AnythingElse_IsNotFound(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
