using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// The upload endpoint against every shape of request a user or a tool sends: a body that is not a multipart form is
/// the file whatever it claims to be; a request without a file is a 400 that says what to send; never a 500.
/// </summary>
public sealed class UploadTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private const string Csv = "order_id,customer_id,order_date,amount\no1,c1,2025-01-01,10.00\n";

    [Fact]
    public async Task FormUrlEncodedBody_AsCurlSendsIt_IsStoredAsTheFile()
    {
        using var content = new StringContent(Csv + new string('x', 5000) + "\n", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await Client.PostAsync(new Uri("/api/datasets/curl/exports/orders", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var blob = (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["blob"];
        Assert.StartsWith(Csv, (await Exports.GetBlobClient(blob).DownloadContentAsync()).Value.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultipartFile_KeepsItsFileName()
    {
        using var form = new MultipartFormDataContent { { new StringContent(Csv), "file", "march.csv" } };

        using var response = await Client.PostAsync(new Uri("/api/datasets/form/exports/orders", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.EndsWith("-march.csv", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["blob"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty", "The request body is empty")]
    [InlineData("form-without-file", "The multipart form has no file")]
    [InlineData("empty-file", "The file is empty")]
    public async Task RequestWithoutAFile_Is400SayingWhatToSend(string shape, string expected)
    {
        using HttpContent content = shape switch
        {
            "empty" => new ByteArrayContent([]),
            "form-without-file" => new MultipartFormDataContent { { new StringContent("x"), "note" } },
            _ => new MultipartFormDataContent { { new ByteArrayContent([]), "file", "empty.csv" } },
        };

        using var response = await Client.PostAsync(new Uri("/api/datasets/nofile/exports/orders", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"];
        Assert.StartsWith(expected, detail, StringComparison.Ordinal);
        Assert.Contains("--data-binary", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedMultipart_Is400_NotA500()
    {
        using var content = new StringContent("--b\r\nno headers and no end", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        using var response = await Client.PostAsync(new Uri("/api/datasets/broken/exports/orders", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["traceId"]);
    }
}
