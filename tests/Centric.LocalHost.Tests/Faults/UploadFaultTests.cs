using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Centric.LocalHost.Tests.Faults;

/// <summary>
/// Uploads through the local host to the real handler, as curl and BI tools send them: any Content-Type is the file,
/// the upload limit is exact and explained, and one file sent twice at once is ingested and counted once.
/// </summary>
[Collection(FaultSuite.Name)]
[Trait("Category", FaultSuite.Category)]
public sealed class UploadFaultTests(UploadHostFixture fixture) : IClassFixture<UploadHostFixture>
{
    private const string OrdersCsv =
        "order_id,customer_id,order_date,amount,currency,status\n" +
        "o1,c0,2025-01-01,10.00,EUR,completed\n" +
        "o2,c0,2025-01-11,20.00,EUR,completed\n" +
        "o3,c1,2025-01-05,5.00,EUR,completed\n" +
        "o4,c1,2025-01-20,15.00,EUR,completed\n";

    private FaultHost Faults => fixture.Host;

    [Theory]
    [InlineData(null)]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/csv")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/octet-stream")]
    [InlineData("application/vnd.ms-excel")]
    [InlineData("multipart/form-data")]
    public async Task Upload_WithAnyCommonContentType_IsAcceptedAndStoredByteForByte(string? contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(OrdersCsv);
        using var content = Body(bytes, contentType);

        using var response = await Faults.Api.PostAsync(new Uri("datasets/types/exports/orders", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonObject>();
        var stored = (await Faults.Exports.GetBlobClient((string?)accepted!["blob"]).DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(bytes, stored);
    }

    [Fact]
    public async Task Upload_OneByteOverTheLimit_Is413NamingTheLimit_AndExactlyAtTheLimitIsAccepted()
    {
        var over = Padded(UploadHostFixture.Limit + 1);
        var at = Padded(UploadHostFixture.Limit);

        using var tooLarge = await Faults.Api.PostAsync(new Uri("datasets/limits/exports/orders", UriKind.Relative), new ByteArrayContent(over));
        using var chunked = await Faults.Api.PostAsync(new Uri("datasets/limits/exports/orders", UriKind.Relative), new StreamContent(new MemoryStream(over)));
        using var handlerClient = new HttpClient();
        using var direct = await handlerClient.PostAsync(new Uri(Faults.Host.HandlerUrl, "api/datasets/limits/exports/orders"), new ByteArrayContent(over));
        using var fits = await Faults.Api.PostAsync(new Uri("datasets/limits/exports/orders", UriKind.Relative), new ByteArrayContent(at));

        foreach (var response in new[] { tooLarge, chunked, direct })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"];
            Assert.Contains($"{UploadHostFixture.Limit} bytes", detail, StringComparison.Ordinal);
            Assert.Contains("exports container", detail, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Accepted, fits.StatusCode);
        var names = new List<string>();
        await foreach (var blob in Faults.Exports.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "limits/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        Assert.Single(names);
    }

    [Fact]
    public async Task SameFileUploadedTwiceAtOnce_IsIngestedOnce_AndCountedOnce()
    {
        var bytes = Encoding.UTF8.GetBytes(OrdersCsv);
        var uploads = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var content = Body(bytes, "text/csv");
            using var response = await Faults.Api.PostAsync(new Uri("datasets/twice/exports/orders", UriKind.Relative), content);
            return response.StatusCode;
        }));

        Assert.All(uploads, status => Assert.Equal(HttpStatusCode.Accepted, status));
        var ledger = await Faults.WaitForIngestionsAsync("twice", 2, TimeSpan.FromSeconds(90));
        Assert.Equal(["duplicate", "succeeded"], ledger.Select(e => (string?)e["status"]).Order(StringComparer.Ordinal));
        await FaultHost.WaitUntilAsync(
            async () => await Faults.MonthlyValueAsync("twice", "revenue", "2025-01") is not null, TimeSpan.FromSeconds(90), "the computed revenue");
        Assert.Equal(50m, await Faults.MonthlyValueAsync("twice", "revenue", "2025-01"));
    }

    [Fact]
    public async Task XlsxBombUploadedUnderTheLimit_IsRejectedAsABombOnTheLedger_WithoutARowRead()
    {
        var folder = Directory.CreateTempSubdirectory("centric-bomb-upload-").FullName;
        byte[] bomb;
        try
        {
            var workbook = Path.Combine(folder, "orders.xlsx");
            new Centric.Engine.Tests.Ingestion.WorkbookBuilder()
                .Sheet("Orders", ["order_id", "customer_id", "order_date", "amount"], ["o1", "c1", new DateTime(2025, 1, 1), 10m])
                .Save(workbook);
            var path = Path.Combine(folder, "bomb.xlsx");
            Centric.Engine.Tests.Ingestion.WorkbookBomb.Write(workbook, path, 64L * 1024 * 1024);
            bomb = await File.ReadAllBytesAsync(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.InRange(bomb.Length, 1, UploadHostFixture.Limit);
        using var response = await Faults.Api.PostAsync(
            new Uri("datasets/bombs/exports/orders?fileName=orders.xlsx", UriKind.Relative), new ByteArrayContent(bomb));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var entry = Assert.Single(await Faults.WaitForIngestionsAsync("bombs", 1, TimeSpan.FromSeconds(90)));
        using var byId = await Faults.Api.GetAsync(new Uri($"datasets/bombs/ingestions/{id}", UriKind.Relative));
        var record = await byId.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(entry.ToJsonString(), record!.ToJsonString());
        Assert.Equal("rejected", (string?)record["status"]);
        Assert.Matches(
            @"^refused as a decompression bomb: the part 'xl/sharedStrings\.xml' declares 6\d{7} bytes, past the limit of 5 MB \(5242880 bytes\) \(20× the upload limit of 262144 bytes\)$",
            (string?)record["message"]);
        Assert.Equal((0L, 0L, 0L), ((long)record["rowsRead"]!, (long)record["accepted"]!, (long)record["rejected"]!));
        var rejects = await Faults.Api.GetStringAsync(new Uri($"datasets/bombs/ingestions/{id}/rejects", UriKind.Relative));
        Assert.Equal("line,column,value,reason", rejects.Trim());
    }

    private static HttpContent Body(byte[] bytes, string? contentType)
    {
        if (contentType == "multipart/form-data")
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "orders.csv");
            return form;
        }

        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    /// <summary>A CSV of exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(long size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)'x');
        var header = Encoding.UTF8.GetBytes(OrdersCsv);
        header.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        return bytes;
    }
}
