using System.Net;
using System.Text.RegularExpressions;
using Centric.Engine.Samples;
using Centric.Testing;

namespace Centric.LocalHost.Tests.EndToEnd;

/// <summary>
/// The README's curl examples, run against the local host with the sample dataset exactly as <c>./run.sh</c> seeds it:
/// every upload example is posted (with a small orders file) and then every GET example must answer 200, so the
/// README cannot drift from the product.
/// </summary>
public sealed partial class ReadmeExamplesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task EveryGetExample_InTheReadme_Answers200()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var examples = CurlGet().Matches(readme).Select(m => m.Groups["path"].Value).Distinct().ToArray();
        Assert.True(examples.Length >= 4, $"Expected the README's curl examples, found {examples.Length}.");

        await using var host = RealHandlerHost.Create(azurite, new SampleOptions());
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseUrl };
        await WaitForComputedAsync(client, TimeSpan.FromSeconds(300));

        foreach (var upload in ExportUpload().Matches(readme).Select(m => m.Groups["path"].Value))
        {
            using var content = new StringContent("order_id,customer_id,order_date,amount\no1,c1,2026-10-01,10.00\n", System.Text.Encoding.UTF8, "text/csv");
            var posted = await client.PostAsync(upload.TrimStart('/'), content);
            Assert.True(posted.StatusCode == HttpStatusCode.Accepted, $"POST {upload} answered {(int)posted.StatusCode}");
        }

        foreach (var path in examples)
        {
            var response = await client.GetAsync(path.TrimStart('/'));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task WaitForComputedAsync(HttpClient client, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await client.GetAsync("api/datasets/sample/customers/C000001")).StatusCode != HttpStatusCode.OK
            || (await client.GetAsync("api/datasets/saas/metrics/mrr-churn")).StatusCode != HttpStatusCode.OK)
        {
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"The samples were not computed in time: {await client.GetStringAsync("api/datasets")}");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>curl -s [\"]http://127.0.0.1:7071/api/...[\"] without -X (GET examples).</summary>
    [GeneratedRegex("""curl -s "?http://127\.0\.0\.1:7071(?<path>/api/[^"\s]+)"?""")]
    private static partial Regex CurlGet();

    /// <summary>The upload examples' URLs (POST .../exports/{kind}).</summary>
    [GeneratedRegex("\"http://127\\.0\\.0\\.1:7071(?<path>/api/datasets/[^/\"]+/exports/[^\"\\s]+)\"")]
    private static partial Regex ExportUpload();
}
