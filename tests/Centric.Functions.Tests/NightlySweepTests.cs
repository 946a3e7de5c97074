using System.Net;
using Centric.Storage.Partials;
using Centric.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// NightlyRecompute deletes the partials of a fanned-out generation no merge will read again, on a clock the test
/// sets: kept while the newest is under an hour old (the default merge looks for 15 s × 120 = 30 min), deleted after.
/// </summary>
public sealed class NightlySweepTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    [Fact]
    public async Task AbandonedPartials_AreKeptForAnHour_ThenDeletedByTheNightly()
    {
        await DropAsync("sweep/orders/orders.csv", PipelineTests.OrdersCsv);
        await RunPipelineAsync();
        var partials = new PartialStore(Factory.Clients);
        await partials.WriteAsync("sweep", "g-abandoned", new PartialFile(0, 2, "w", null, []));
        var writtenAt = (await Factory.Clients.Blobs.GetBlobContainerClient(Factory.Names.Scores)
            .GetBlobClient(PartialStore.BlobName("sweep", "g-abandoned", 0, 2)).GetPropertiesAsync()).Value.LastModified;

        var early = await NightlyAsync(writtenAt.AddMinutes(59));
        Assert.DoesNotContain("partials of", early, StringComparison.Ordinal);
        Assert.Single(await partials.WrittenAsync("sweep", "g-abandoned", 2));

        var late = await NightlyAsync(writtenAt.AddMinutes(61));
        Assert.Contains("partials of 1 abandoned fanned-out generations deleted", late, StringComparison.Ordinal);
        Assert.Empty(await partials.WrittenAsync("sweep", "g-abandoned", 2));
    }

    private async Task<string> NightlyAsync(DateTimeOffset now)
    {
        using var client = Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        })).CreateClient();
        var (response, body) = await Invocation.PostAsync(client, "NightlyRecompute", Invocation.Timer("NightlyRecompute"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body!["Logs"]!.ToJsonString();
    }
}
