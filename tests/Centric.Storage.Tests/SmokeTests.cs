using Azure.Storage.Blobs;
using Centric.Testing;

namespace Centric.Storage.Tests;

public class SmokeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Azurite_AcceptsABlob()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("smoke"));
        await container.CreateAsync();
        await container.UploadBlobAsync("a.txt", BinaryData.FromString("hello"));
        Assert.Equal("hello", (await container.GetBlobClient("a.txt").DownloadContentAsync()).Value.Content.ToString());
    }
}
