using System.Globalization;
using Azure.Storage.Blobs;
using Centric.Engine.Samples;
using Centric.LocalHost.Samples;
using Centric.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Centric.LocalHost.Tests.Samples;

public class SampleSeederTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Seed_WritesAFileOfEveryKindWhereScanExportsLooks_CreatingTheContainer()
    {
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var options = new SampleOptions(Customers: 50);

        await SampleSeeder.SeedAsync(blobs, options, NullLogger.Instance);
        await SampleSeeder.SeedAsync(blobs, options, NullLogger.Instance);

        var container = blobs.GetBlobContainerClient("exports");
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync())
        {
            names.Add(item.Name);
        }

        Assert.Equal(
            [
                "saas/customers/customers.csv", "saas/fx-rates/fx-rates.csv", "saas/subscriptions/subscriptions.csv",
                "sample/communications/communications.csv", "sample/customers/customers.csv", "sample/fx-rates/fx-rates.csv",
                "sample/mentions/mentions.csv", "sample/onboarding/onboarding.csv", "sample/orders/orders.csv", "sample/surveys/surveys.csv",
                "sample/tickets/tickets.csv",
            ],
            names);
        using var expected = new StringWriter(CultureInfo.InvariantCulture);
        SampleExports.WriteOrdersCsv(expected, options);
        var stored = (await container.GetBlobClient("sample/orders/orders.csv").DownloadContentAsync()).Value;
        Assert.Equal(expected.ToString(), stored.Content.ToString());
        Assert.Equal("text/csv; charset=utf-8", stored.Details.ContentType);
    }
}
