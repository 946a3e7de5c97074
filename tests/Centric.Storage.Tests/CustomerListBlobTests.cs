using System.IO.Compression;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Centric.Domain.Families.CustomerLists;
using Centric.Storage.Connection;
using Centric.Storage.Scores;
using Centric.Testing;

namespace Centric.Storage.Tests;

/// <summary>
/// A generation's customer lists on a real Azurite: stored gzip-encoded, read back whole into the compact table, the
/// plain JSON of earlier generations still read, and a blob that cannot be read failing with its name.
/// </summary>
public sealed class CustomerListBlobTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly StorageClients _clients = StorageClients.FromConnectionString(azurite.ConnectionString, StorageTestNames.Unique());

    public Task InitializeAsync() => _clients.EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lists_AreStoredGzipEncoded_AndReadBackRowForRow()
    {
        using var store = new ScoresStore(_clients);
        var lists = Lists(20_000);

        await store.WriteCustomerListsAsync("shop", "g1", lists);

        var blob = _clients.Blobs.GetBlobContainerClient(_clients.Names.Scores).GetBlobClient(ScoresStore.CustomerListsBlobName("shop", "g1"));
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("gzip", properties.ContentEncoding);

        // 20,000 listed customers: a JSON entry of tens of bytes each, compressed to a fraction of that.
        Assert.True(properties.ContentLength < 20_000 * 10, $"{properties.ContentLength} bytes");
        var read = await store.ReadCustomerListsAsync("shop", "g1");
        Assert.NotNull(read);

        // Read into the compact table a served generation holds, not a record per listed customer.
        Assert.IsType<CustomerListTable>(read.Rows);
        Assert.Equal(lists.Rows.OrderBy(Key, StringComparer.Ordinal), read.Rows.OrderBy(Key, StringComparer.Ordinal));
        Assert.Equal(lists.Segments.Keys.Order(StringComparer.Ordinal), read.Segments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["country:ES"], read.Segments["C00007"]);
    }

    [Fact]
    public async Task PlainJsonOfAnEarlierGeneration_IsStillRead()
    {
        using var store = new ScoresStore(_clients);
        const string plain = """
            {"segments":{"c1":["country:IT"]},"lists":[{"metric":"new-customers","grain":"month","period":"2026-01","periodStart":"2026-01-01",
             "customers":[{"customerId":"c1","day":"2026-01-05"},{"customerId":"c2","day":"2026-01-09"}]}]}
            """;
        var blob = _clients.Blobs.GetBlobContainerClient(_clients.Names.Scores).GetBlobClient(ScoresStore.CustomerListsBlobName("shop", "old"));
        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(plain)));

        var read = await store.ReadCustomerListsAsync("shop", "old");

        Assert.NotNull(read);
        Assert.Equal(
            [
                new CustomerListRow("new-customers", "month", "2026-01", new DateOnly(2026, 1, 1), "c1", new DateOnly(2026, 1, 5)),
                new CustomerListRow("new-customers", "month", "2026-01", new DateOnly(2026, 1, 1), "c2", new DateOnly(2026, 1, 9)),
            ],
            read.Rows);
        Assert.Equal(["country:IT"], read.Segments["c1"]);
    }

    [Fact]
    public async Task TheListsOfAComputedSample_ReadBackThroughTheStore_AreTheSetTheStoredRecordsGive()
    {
        using var store = new ScoresStore(_clients);
        await store.WriteCustomerListsAsync("shop", "computed", ComputedSample.Lists);

        // The reference: the blob's own bytes, decompressed and deserialised into the stored records by the serializer.
        var stored = await Blob("computed").DownloadContentAsync();
        Assert.Equal("gzip", stored.Value.Details.ContentEncoding);
        using var json = new MemoryStream();
        await using (var gzip = new GZipStream(stored.Value.Content.ToStream(), CompressionMode.Decompress))
        {
            await gzip.CopyToAsync(json);
        }

        ListsAssert.SameSet(StoredCustomerLists.Read(json.ToArray()), await store.ReadCustomerListsAsync("shop", "computed"));
    }

    [Fact]
    public async Task ABlobCutShort_FailsNamingIt_RatherThanGivingPartOfTheLists()
    {
        using var store = new ScoresStore(_clients);
        await store.WriteCustomerListsAsync("shop", "whole", Lists(20_000));
        var whole = (await Blob("whole").DownloadContentAsync()).Value.Content.ToArray();
        var headers = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" };
        await Blob("cut").UploadAsync(new BinaryData(whole[..(whole.Length * 2 / 3)]), new BlobUploadOptions { HttpHeaders = headers });

        var e = await Assert.ThrowsAsync<UnreadableBlobException>(() => store.ReadCustomerListsAsync("shop", "cut"));

        Assert.Contains($"{_clients.Names.Scores}/shop/cut.customers.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABlobSaidToBeGzipThatIsNot_FailsNamingIt()
    {
        using var store = new ScoresStore(_clients);
        var headers = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" };
        await Blob("plain").UploadAsync(BinaryData.FromString("""{"segments":{},"lists":[]}"""), new BlobUploadOptions { HttpHeaders = headers });

        var e = await Assert.ThrowsAsync<UnreadableBlobException>(() => store.ReadCustomerListsAsync("shop", "plain"));

        Assert.Contains($"{_clients.Names.Scores}/shop/plain.customers.json", e.Message, StringComparison.Ordinal);
    }

    private BlobClient Blob(string generation) =>
        _clients.Blobs.GetBlobContainerClient(_clients.Names.Scores).GetBlobClient(ScoresStore.CustomerListsBlobName("shop", generation));

    private static string Key(CustomerListRow r) => $"{r.Metric}|{r.Period}|{r.CustomerId}|{r.Day:yyyy-MM-dd}|{r.MrrBefore}|{r.MrrAfter}|{r.Movement}";

    private static CustomerListSet Lists(int customers)
    {
        var rows = Enumerable.Range(0, customers).Select(i => new CustomerListRow(
            i % 3 == 0 ? "new-customers" : "active-customers", "month", $"2026-{1 + (i % 12):D2}", new DateOnly(2026, 1 + (i % 12), 1),
            $"C{i:D5}", new DateOnly(2026, 1 + (i % 12), 1 + (i % 28)), i % 5 == 0 ? 10.5m : null, i % 5 == 0 ? 12.25m : null,
            i % 5 == 0 ? 1.75m : null)).ToArray();
        var segments = new Dictionary<string, IReadOnlyList<string>> { ["C00007"] = ["country:ES"], ["C00011"] = ["country:IT", "segment:smb"] };
        return new CustomerListSet(rows, segments);
    }
}
