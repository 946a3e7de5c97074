using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Centric.Cli;
using Centric.Testing;
using Xunit.Abstractions;

namespace Centric.LocalHost.Tests.EndToEnd;

/// <summary>
/// Dataset keys through the real local host and handler process: keys made with <c>centric keys</c> on the same
/// Azurite, then every answer a caller can get (401, 403, 200/202), the dataset list and the OData feed, and revocation.
/// </summary>
public sealed class DatasetKeysEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string OrdersCsv =
        "order_id,customer_id,order_date,amount,status\n" +
        "o1,c1,2025-01-05,10.00,completed\n" +
        "o2,c2,2025-01-07,20.00,completed\n";

    private const string Header = "x-api-key";

    /// <summary>The handler's documented cache of the keys table (docs/deploy.md): the longest a revoked key keeps working.</summary>
    private static readonly TimeSpan DatasetKeysCacheFor = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task DatasetWithKeys_Answers401Without_403ForTheWrongKeyOrRole_And200WithItsOwn_WhileOthersStayOpen()
    {
        var (acme, other, open) = ("acme-" + Suffix(), "other-" + Suffix(), "open-" + Suffix());
        var acmeRead = CreateKey(acme, "read");
        var acmeUpload = CreateKey(acme, "upload");
        var otherUpload = CreateKey(other, "upload");
        await using var host = RealHandlerHost.Create(azurite);
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = host.ApiBaseUrl };

        // Uploads: the upload key of the dataset is the only one that may post to it.
        await AssertProblemAsync(await PostOrdersAsync(client, acme, key: null), HttpStatusCode.Unauthorized, $"Dataset '{acme}' needs a key");
        await AssertProblemAsync(await PostOrdersAsync(client, acme, "ck_000000000000_" + new string('0', 64)), HttpStatusCode.Unauthorized, "not hold a valid key");
        await AssertProblemAsync(await PostOrdersAsync(client, acme, acmeRead), HttpStatusCode.Forbidden, "has role 'read'");
        await AssertProblemAsync(await PostOrdersAsync(client, acme, otherUpload), HttpStatusCode.Forbidden, $"not a key of dataset '{acme}'");
        Assert.Equal(HttpStatusCode.Accepted, (await PostOrdersAsync(client, acme, acmeUpload)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOrdersAsync(client, other, otherUpload)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOrdersAsync(client, open, key: null)).StatusCode);

        // Reads: a read key (or the upload key) of the dataset; not another dataset's.
        var ingestions = $"datasets/{acme}/ingestions";
        await AssertProblemAsync(await GetAsync(client, ingestions, key: null), HttpStatusCode.Unauthorized, "needs a key");
        await AssertProblemAsync(await GetAsync(client, ingestions, otherUpload), HttpStatusCode.Forbidden, $"not a key of dataset '{acme}'");
        var read = await GetAsync(client, ingestions, acmeRead);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(acme, (string?)Assert.Single((await read.Content.ReadFromJsonAsync<JsonArray>())!)!["dataset"]);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, ingestions, acmeUpload)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"datasets/{open}/ingestions", key: null)).StatusCode);

        // The list and the OData feed leave out what the caller cannot read.
        await WaitUntilListedAsync(client, acmeUpload, [acme, open]);
        await WaitUntilListedAsync(client, otherUpload, [other, open]);
        var anonymous = await DatasetNamesAsync(client, "datasets", key: null);
        Assert.Contains(open, anonymous);
        Assert.DoesNotContain(acme, anonymous);
        Assert.DoesNotContain(other, anonymous);
        var withAcme = await DatasetNamesAsync(client, "datasets", acmeRead);
        Assert.Contains(acme, withAcme);
        Assert.Contains(open, withAcme);
        Assert.DoesNotContain(other, withAcme);
        var odataAnonymous = await DatasetNamesAsync(client, "odata/Datasets", key: null);
        Assert.Contains(open, odataAnonymous);
        Assert.DoesNotContain(acme, odataAnonymous);
        var odataAcme = await DatasetNamesAsync(client, "odata/Ingestions", acmeRead);
        Assert.Contains(acme, odataAcme);
        Assert.DoesNotContain(other, odataAcme);

        // The key's last use is recorded (once per hour at most) and listed, never the key.
        var listed = Assert.Single(ListKeys(acme), k => (string?)k!["id"] == acmeRead[3..15])!;
        Assert.NotNull((string?)listed["lastUsedAt"]);
    }

    [Fact]
    public async Task RevokedKey_Answers401_WithinTheDocumentedFiveSeconds_AndTheDatasetStaysProtected()
    {
        var dataset = "revoked-" + Suffix();
        var key = CreateKey(dataset, "read");
        var upload = CreateKey(dataset, "upload");
        await using var host = RealHandlerHost.Create(azurite);
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = host.ApiBaseUrl };
        var path = $"datasets/{dataset}/ingestions";
        Assert.Equal(HttpStatusCode.Accepted, (await PostOrdersAsync(client, dataset, upload)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, path, key)).StatusCode);

        Assert.Equal(CentricCli.Success, Cli(out _, "keys", "revoke", "--dataset", dataset, "--id", key[3..15]));
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = (await GetAsync(client, path, key)).StatusCode;
            if (status == HttpStatusCode.OK)
            {
                await Task.Delay(200);
            }
        }
        while (status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(15));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        output.WriteLine($"The revoked key was refused {clock.Elapsed.TotalSeconds:0.0} s after 'centric keys revoke' returned.");
        Assert.True(clock.Elapsed < DatasetKeysCacheFor + TimeSpan.FromSeconds(2), $"the revoked key worked for {clock.Elapsed.TotalSeconds:0.0} s.");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, path, upload)).StatusCode);

        // With every key revoked the dataset stays protected: no key is still 401, not open.
        Assert.Equal(CentricCli.Success, Cli(out _, "keys", "revoke", "--dataset", dataset, "--id", upload[3..15]));
        await Task.Delay(DatasetKeysCacheFor + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, path, upload)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, path, key: null)).StatusCode);
    }

    private string CreateKey(string dataset, string role)
    {
        Assert.Equal(CentricCli.Success, Cli(out var stdout, "keys", "create", "--dataset", dataset, "--role", role));
        return JsonDocument.Parse(stdout).RootElement.GetProperty("key").GetString()!;
    }

    private JsonArray ListKeys(string dataset)
    {
        Assert.Equal(CentricCli.Success, Cli(out var stdout, "keys", "list", "--dataset", dataset));
        return JsonNode.Parse(stdout)!.AsArray();
    }

    private int Cli(out string stdout, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var connection = azurite.ConnectionString;
        var code = CentricCli.Run(args, output, errors, null, name => name == "AzureWebJobsStorage" ? connection : null);
        stdout = output.ToString();
        Assert.True(code == CentricCli.Success, errors.ToString());
        return code;
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    private static async Task<HttpResponseMessage> PostOrdersAsync(HttpClient client, string dataset, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"datasets/{dataset}/exports/orders") { Content = new StringContent(OrdersCsv) };
        if (key is not null)
        {
            request.Headers.Add(Header, key);
        }

        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add(Header, key);
        }

        return await client.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)status, (int?)problem["status"]);
        Assert.Contains(detail, (string?)problem["detail"], StringComparison.Ordinal);
        if (status == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("ApiKey realm=\"centric\", header=\"x-api-key\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        }
    }

    /// <summary>Dataset names in <c>/api/datasets</c> (<c>name</c>) or an OData set (<c>value[].dataset</c> or <c>id</c>).</summary>
    private static async Task<List<string>> DatasetNamesAsync(HttpClient client, string path, string? key)
    {
        var response = await GetAsync(client, path, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var rows = body is JsonArray array ? array : body["value"]!.AsArray();
        return [.. rows.Select(r => (string?)(r!["dataset"] ?? r["name"] ?? r["id"]) ?? "")];
    }

    private static async Task WaitUntilListedAsync(HttpClient client, string key, string[] expected)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var names = await DatasetNamesAsync(client, "datasets", key);
            if (expected.All(names.Contains))
            {
                return;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), $"/api/datasets lists [{string.Join(", ", names)}] after 90 s.");
            await Task.Delay(500);
        }
    }
}
