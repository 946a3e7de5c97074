using System.Net;
using Centric.Storage.Keys;
using Centric.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// The handler's key check on a clock the test moves: how long a reading of the <c>keys</c> table is used, and the
/// header forms it refuses. The end-to-end answers (401, 403, 200) are shown through the real local host in
/// Centric.LocalHost.Tests.
/// </summary>
public sealed class DatasetKeyTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private HttpClient _client = null!;

    private ApiKeyStore Keys => new(Factory.Clients);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _client = Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_time);
        })).CreateClient();
    }

    [Fact]
    public async Task RevokedKey_KeepsWorkingUntilTheReadingIsFiveSecondsOld_ThenIs401()
    {
        var (record, key) = await Keys.CreateAsync("cached", ApiKeyRoles.Read, _time.GetUtcNow());
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("cached", key)); // through the check: the dataset has no data

        await Keys.RevokeAsync("cached", record.RowKey, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("cached", key));
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("cached", key));
    }

    [Fact]
    public async Task NewKey_ProtectsItsDataset_OnceTheReadingIsFiveSecondsOld()
    {
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("later", key: null));

        await Keys.CreateAsync("later", ApiKeyRoles.Read, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("later", key: null));
    }

    [Theory]
    [InlineData("upper")]
    [InlineData("truncated")]
    [InlineData("twice")]
    [InlineData("other-secret")]
    public async Task KeyInAnotherForm_Is401(string form)
    {
        var (record, key) = await Keys.CreateAsync("forms", ApiKeyRoles.Read, _time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datasets/forms/ingestions");
        switch (form)
        {
            case "upper":
                request.Headers.Add("x-api-key", key.ToUpperInvariant());
                break;
            case "truncated":
                request.Headers.Add("x-api-key", key[..^1]);
                break;
            case "twice":
                request.Headers.Add("x-api-key", [key, key]);
                break;
            default:
                request.Headers.Add("x-api-key", "ck_" + record.RowKey + "_" + new string('a', 64));
                break;
        }

        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ApiKey realm=\"centric\", header=\"x-api-key\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    private async Task<HttpStatusCode> StatusAsync(string dataset, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/datasets/{dataset}/ingestions");
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        return (await _client.SendAsync(request)).StatusCode;
    }
}
