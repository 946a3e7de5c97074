using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Centric.Engine.Samples;
using Centric.Testing;
using Xunit.Abstractions;

namespace Centric.LocalHost.Tests.EndToEnd;

/// <summary>
/// The dashboard in a real browser: the local host runs the sample exactly as <c>./run.sh</c> does, plus a small
/// second dataset and one whose only file is rejected (so it has no generation), and <c>tests/browser/dashboard.mjs</c>
/// drives the system Chromium with playwright-core: the page's numbers must be the API's, through dataset, segment and
/// grain changes, at desktop and phone width. Screenshots are kept under the test output's <c>artifacts/dashboard</c>.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserSuite.Name)]
public sealed class DashboardBrowserTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [BrowserFact]
    public async Task Dashboard_ShowsTheApisNumbers_AcrossDatasetsSegmentsAndGrains()
    {
        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, "tests", "browser", "dashboard.mjs");
        Assert.True(
            Directory.Exists(Path.Combine(root, "node_modules", "playwright-core")),
            "playwright-core is not installed: run `npm ci` at the repository root.");

        await using var host = RealHandlerHost.Create(azurite, new SampleOptions());
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = host.ApiBaseUrl };

        await UploadAsync(client, "acme", AcmeOrders());
        await UploadAsync(client, "pending", "this is not;an orders export\n1;2\n");
        await WaitUntilAsync(async () => (await client.GetAsync("datasets/sample/customers/C000001")).StatusCode == HttpStatusCode.OK, "the sample");
        await WaitUntilAsync(async () => Generation(await client.GetStringAsync("datasets"), "acme") is not null, "acme");
        await WaitUntilAsync(async () => (await client.GetStringAsync("datasets/pending/ingestions")).Contains("\"rejected\"", StringComparison.Ordinal), "pending's rejection");
        Assert.Null(Generation(await client.GetStringAsync("datasets"), "pending"));

        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard");
        output.WriteLine($"Screenshots: {artifacts}");
        // The budget catches a hang or a page that waits on its requests one by one, not a busy shared machine: the
        // measured warm load (loadMs, well under a second on an idle machine) is in the test output.
        var (exitCode, stdout, stderr) = await RunNodeAsync(
            root,
            [script, "--api", host.ApiBaseUrl.ToString(), "--artifacts", artifacts, "--chromium", BrowserFactAttribute.Chromium,
             "--other-dataset", "acme", "--pending-dataset", "pending", "--budget-ms", "30000"],
            TimeSpan.FromMinutes(10));
        output.WriteLine(stdout);
        output.WriteLine(stderr);

        Assert.True(exitCode == 0, $"The dashboard check failed (exit {exitCode}): {stderr}");
        Assert.Contains("\"loadMs\"", stdout, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(artifacts, "*.png"));
    }

    /// <summary>Forty orders by seven customers over ten months of 2026: enough for every grain's latest two periods.</summary>
    private static string AcmeOrders()
    {
        var csv = new StringBuilder("order_id,customer_id,order_date,amount\n");
        for (var i = 1; i <= 40; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"o{i},c{i % 7},2026-{(i % 10) + 1:00}-{(i % 27) + 1:00},{10 + (i * 3)}.50\n");
        }

        return csv.ToString();
    }

    private static async Task UploadAsync(HttpClient client, string dataset, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var posted = await client.PostAsync($"datasets/{dataset}/exports/orders?fileName=orders.csv", content);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
    }

    private static string? Generation(string datasetsJson, string dataset) =>
        JsonNode.Parse(datasetsJson)!.AsArray()
            .FirstOrDefault(d => d!["dataset"]!.GetValue<string>() == dataset)?["generation"]?.GetValue<string>();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(10), $"Timed out waiting for {what}.");
            await Task.Delay(500);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(string workingDirectory, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The dashboard check did not finish in {timeout}: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>
/// A fact that needs Chromium from the distribution (<c>/usr/bin/chromium</c>, never a downloaded browser). Outside CI it
/// is skipped, saying why, when Chromium is missing; in CI (<c>CI</c> set) it always runs, since <c>.ci/run</c> installs it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"Chromium is not installed at {Chromium} (apt-get install chromium); the dashboard's browser test needs it.";
        }
    }
}

/// <summary>The browser test runs a whole local host and Chromium: alone, after the parallel tests, so neither starves.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserSuite
{
    public const string Name = "browser";
}
