using System.Net;
using System.Text.Json.Nodes;
using Centric.Storage.Datasets;
using Centric.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// The metric route's cache of the current generation, on a real Azurite: one handler instance computes (the test's
/// client), another only reads on a clock the test moves. The reader keeps its answer until its reading of the pointer
/// is two seconds old, then re-reads it in the background and serves the new generation whole; the computing instance
/// serves it at once.
/// </summary>
public sealed class ServedGenerationTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private const string Route = "/api/datasets/shop/metrics/revenue?grain=month";

    // One more February order of 8.00: February's revenue goes from 5 + 7 = 12 to 20.
    private const string MoreOrdersCsv =
        "order_id,customer_id,order_date,amount,currency,status\n" +
        "o9,c4,2025-02-09,8.00,EUR,completed\n";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private HttpClient _reader = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _reader = Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_time);
        })).CreateClient();
    }

    [Fact]
    public async Task AnotherInstancesGeneration_IsServedWithinTwoSeconds_AndNeverMixed()
    {
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
        var first = await CurrentGenerationAsync();

        var before = await ReadAsync(_reader);
        Assert.Equal(first, before.Generation);
        Assert.Equal(50m, before.Revenue["2025-01"]);
        Assert.Equal(12m, before.Revenue["2025-02"]);

        await DropAsync("shop/orders/more.csv", MoreOrdersCsv);
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
        var second = await CurrentGenerationAsync();
        Assert.NotEqual(first, second);

        // The instance that computed forgets its reading at once.
        var computed = await ReadAsync(Client);
        Assert.Equal(second, computed.Generation);
        Assert.Equal(20m, computed.Revenue["2025-02"]);

        // The reader's pointer is younger than two seconds: the same answer, byte for byte.
        _time.Advance(TimeSpan.FromMilliseconds(1900));
        var cached = await ReadAsync(_reader);
        Assert.Equal(first, cached.Generation);
        Assert.Equal(before.Body, cached.Body);

        // Two seconds after the reading, one request starts the re-read in the background and may still get the old
        // generation, whole; once the read is back, every request gets the new one, whole.
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var answer = await ReadAsync(_reader);
            if (answer.Generation == second)
            {
                break;
            }

            Assert.Equal(before.Body, answer.Body);
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "The reader kept the old generation after its re-read.");
            await Task.Delay(20);
        }

        var together = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => ReadAsync(_reader)));
        Assert.All(together, answer =>
        {
            Assert.Equal(second, answer.Generation);
            Assert.Equal(50m, answer.Revenue["2025-01"]);
            Assert.Equal(20m, answer.Revenue["2025-02"]);
            Assert.Equal(computed.Body, answer.Body);
        });
    }

    [Fact]
    public async Task PastTheStaleWindow_ReadersWaitForTheTable()
    {
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
        var first = (await ReadAsync(_reader)).Generation;

        await DropAsync("shop/orders/more.csv", MoreOrdersCsv);
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

        // Seven seconds (2 s cache + 5 s stale) after the reading, the first request waits for the new reading.
        _time.Advance(TimeSpan.FromSeconds(7));
        var answer = await ReadAsync(_reader);
        Assert.NotEqual(first, answer.Generation);
        Assert.Equal(await CurrentGenerationAsync(), answer.Generation);
        Assert.Equal(20m, answer.Revenue["2025-02"]);
    }

    [Fact]
    public async Task CachedAnswers_KeepTheirFormatAndPagingHeaders()
    {
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

        foreach (var attempt in new[] { "first", "cached" })
        {
            var csv = await _reader.GetAsync("/api/datasets/shop/metrics/revenue?format=csv&top=1");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            Assert.Equal("2", csv.Headers.GetValues("X-Total-Count").Single());
            Assert.Equal("</api/datasets/shop/metrics/revenue?format=csv&skip=1&top=1>; rel=\"next\"", csv.Headers.GetValues("Link").Single());
            var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 2, $"{attempt}: a header and one row, got {lines.Length} lines");

            var json = await _reader.GetAsync("/api/datasets/shop/metrics/revenue?top=1");
            Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
            Assert.Equal("2", json.Headers.GetValues("X-Total-Count").Single());
            Assert.Equal("2025-01", (string?)Assert.Single(JsonNode.Parse(await json.Content.ReadAsStringAsync())!.AsArray())!["period"]);
        }
    }

    [Fact]
    public async Task Snapshot_AnotherInstancesGeneration_IsServedWithinTwoSeconds_AndNeverMixed()
    {
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
        var first = await CurrentGenerationAsync();
        var before = await SnapshotAsync(_reader);
        Assert.Equal(first, before.Generation);

        await DropAsync("shop/orders/more.csv", MoreOrdersCsv);
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
        var second = await CurrentGenerationAsync();
        Assert.NotEqual(first, second);

        // The computing instance serves the new generation at once; its February revenue has the new order.
        var computed = await SnapshotAsync(Client);
        Assert.Equal(second, computed.Generation);
        Assert.NotEqual(before.Body, computed.Body);

        // Younger than two seconds: the reader's kept answer, byte for byte.
        _time.Advance(TimeSpan.FromMilliseconds(1900));
        Assert.Equal(before.Body, (await SnapshotAsync(_reader)).Body);

        // From two seconds, the old answer whole until the background read is back, then the new one whole.
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var answer = await SnapshotAsync(_reader);
            if (answer.Generation == second)
            {
                Assert.Equal(computed.Body, answer.Body);
                break;
            }

            Assert.Equal(before.Body, answer.Body);
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "The reader kept the old snapshot after its re-read.");
            await Task.Delay(20);
        }

        // Seven seconds after a reading nothing older is served, even before a background read could have run.
        await DropAsync("shop/orders/again.csv", MoreOrdersCsv.Replace("o9,", "o10,", StringComparison.Ordinal));
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
        var third = await CurrentGenerationAsync();
        _time.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(third, (await SnapshotAsync(_reader)).Generation);
    }

    private static async Task<Answer> SnapshotAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/datasets/shop/snapshot");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var rows = JsonNode.Parse(body)!.AsArray();
        Assert.NotEmpty(rows);
        var generation = Assert.Single(rows.Select(r => (string)r!["generation"]!).Distinct().ToList());
        Assert.Equal($"\"{generation}-snapshot\"", response.Headers.ETag?.Tag);
        return new Answer(generation, new Dictionary<string, decimal>(), body);
    }

    private async Task<string> CurrentGenerationAsync() =>
        (await new DatasetRegistry(Factory.Clients).GetAsync("shop"))!.CurrentGeneration!;

    private static async Task<Answer> ReadAsync(HttpClient client)
    {
        var response = await client.GetAsync(Route);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var rows = JsonNode.Parse(body)!.AsArray();
        var generations = rows.Select(r => (string)r!["generation"]!).Distinct().ToList();
        var generation = Assert.Single(generations);

        // The ETag names the generation the rows come from.
        Assert.Equal($"\"{generation}-json\"", response.Headers.ETag?.Tag);
        return new Answer(
            generation,
            rows.Where(r => (string?)r!["segment"] == "*").ToDictionary(r => (string)r!["period"]!, r => (decimal)r!["value"]!),
            body);
    }

    private sealed record Answer(string Generation, IReadOnlyDictionary<string, decimal> Revenue, string Body);
}
