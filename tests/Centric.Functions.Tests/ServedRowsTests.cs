using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Centric.Functions.Api;
using Centric.Functions.Api.OData;
using Centric.Functions.Api.Serving;
using Centric.Storage.Datasets;
using Centric.Storage.Scores;
using Centric.Storage.Snapshots;
using Centric.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// The OData feed and the customer and cohort routes served from rows held in memory per generation, on a real
/// Azurite: one handler instance computes (the test's client), another only reads on a clock the test moves. A new
/// generation reaches the reader within the pointer cache's bound, one response and one nextLink chain never mix two
/// generations, and the cache's cap drops the least recently read rows.
/// </summary>
public sealed class ServedRowsTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private const string Revenue = "/api/odata/Snapshots?$filter=metric eq 'revenue' and grain eq 'month' and segment eq '*'";

    // One more February order of 8.00 by a new customer: February's revenue goes from 5 + 7 = 12 to 20.
    private const string MoreOrdersCsv =
        "order_id,customer_id,order_date,amount,currency,status\n" +
        "o9,c4,2025-02-09,8.00,EUR,completed\n";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private WebApplicationFactory<Centric.Functions.Invocations.InvocationPayload> _readerFactory = null!;
    private HttpClient _reader = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _readerFactory = Factory.WithWebHostBuilder(builder => builder
            .UseSetting("OData:PageSize", "25")
            .ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(_time);
            }));
        _reader = _readerFactory.CreateClient();
    }

    public override async Task DisposeAsync()
    {
        _reader.Dispose();
        await _readerFactory.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task AnotherInstancesGeneration_ReachesTheFeedWithinTheBound_Whole()
    {
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        await RunAsync();
        var first = await CurrentGenerationAsync();

        var before = await RevenueAsync(_reader);
        Assert.Equal(first, before.Generation);
        Assert.Equal(50m, before.Values["2025-01"]);
        Assert.Equal(12m, before.Values["2025-02"]);
        Assert.DoesNotContain("c4", await CustomerIdsAsync(_reader));

        await DropAsync("shop/orders/more.csv", MoreOrdersCsv);
        await RunAsync();
        var second = await CurrentGenerationAsync();
        Assert.NotEqual(first, second);

        // The instance that computed serves the new generation at once.
        var computed = await RevenueAsync(Client);
        Assert.Equal(second, computed.Generation);
        Assert.Equal(20m, computed.Values["2025-02"]);

        // The reader's list of datasets is younger than two seconds: the rows it holds, unchanged.
        _time.Advance(TimeSpan.FromMilliseconds(1900));
        Assert.Equal(before.Body, (await RevenueAsync(_reader)).Body);
        Assert.DoesNotContain("c4", await CustomerIdsAsync(_reader));

        // From two seconds, the old generation whole until the background read is back, then the new one whole.
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var answer = await RevenueAsync(_reader);
            if (answer.Generation == second)
            {
                Assert.Equal(20m, answer.Values["2025-02"]);
                break;
            }

            Assert.Equal(before.Body, answer.Body);
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "The reader kept the old generation after its re-read.");
            await Task.Delay(20);
        }

        Assert.Contains("c4", await CustomerIdsAsync(_reader));

        // Seven seconds (2 s + 5 s stale) after a reading nothing older is served, even before a background read ran.
        await DropAsync("shop/orders/again.csv", MoreOrdersCsv.Replace("o9,", "o10,", StringComparison.Ordinal));
        await RunAsync();
        var third = await CurrentGenerationAsync();
        _time.Advance(TimeSpan.FromSeconds(7));
        var latest = await RevenueAsync(_reader);
        Assert.Equal(third, latest.Generation);
        Assert.Equal(28m, latest.Values["2025-02"]);
    }

    [Fact]
    public async Task ANextLinkChain_StaysOnTheGenerationItStartedOn_AndANewReadGetsTheNewOne()
    {
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        await RunAsync();
        var first = await CurrentGenerationAsync();

        // What the first generation holds, read by the computing instance in one response (5,000-row pages).
        var whole = await Client.GetFromJsonAsync<JsonObject>("/api/odata/Snapshots");
        Assert.Null(whole!["@odata.nextLink"]);
        var firstIds = Ids(whole);
        Assert.True(firstIds.Length > 100, $"Expected several pages of 25 rows, got {firstIds.Length} rows.");

        var page = await _reader.GetFromJsonAsync<JsonObject>("/api/odata/Snapshots");
        var chain = new List<JsonObject> { page! };

        await DropAsync("shop/orders/more.csv", MoreOrdersCsv);
        await RunAsync();
        var second = await CurrentGenerationAsync();
        Assert.NotEqual(first, second);

        // Past the stale window the reader knows the new generation; the chain it started goes on with the first.
        _time.Advance(TimeSpan.FromSeconds(7));
        var fresh = await _reader.GetFromJsonAsync<JsonObject>("/api/odata/Snapshots?$top=25");
        Assert.All(fresh!["value"]!.AsArray(), r => Assert.Equal(second, (string?)r!["generation"]));

        while (page!["@odata.nextLink"] is { } next)
        {
            page = await _reader.GetFromJsonAsync<JsonObject>((string)next!);
            chain.Add(page!);
        }

        Assert.True(chain.Count > 3, $"Expected several pages, got {chain.Count}.");
        Assert.All(chain.SelectMany(p => p["value"]!.AsArray()), r => Assert.Equal(first, (string?)r!["generation"]));
        Assert.Equal(firstIds, chain.SelectMany(Ids).ToArray());

        // A chain started now is the second generation's, whole: its rows are the computing instance's.
        var secondIds = Ids((await Client.GetFromJsonAsync<JsonObject>("/api/odata/Snapshots"))!);
        var now = new List<string>();
        string? link = "/api/odata/Snapshots";
        while (link is not null)
        {
            var next = await _reader.GetFromJsonAsync<JsonObject>(link);
            Assert.All(next!["value"]!.AsArray(), r => Assert.Equal(second, (string?)r!["generation"]));
            now.AddRange(Ids(next));
            link = (string?)next["@odata.nextLink"];
        }

        Assert.Equal(secondIds, now.ToArray());
    }

    [Fact]
    public async Task ANextLinkChainOnARetiredGeneration_Is410Gone_NamingTheSkipToken_NotAnEarlyEnd()
    {
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        await RunAsync();
        var first = await CurrentGenerationAsync();
        var page = await _reader.GetFromJsonAsync<JsonObject>("/api/odata/Snapshots");
        var next = (string?)page!["@odata.nextLink"];
        Assert.NotNull(next);

        // One newer generation: the first is the previous one, kept, and the chain goes on with it.
        await DropAsync("shop/orders/more.csv", MoreOrdersCsv);
        await RunAsync();
        _time.Advance(TimeSpan.FromSeconds(7));
        var resumed = await _reader.GetFromJsonAsync<JsonObject>(next);
        Assert.NotEmpty(resumed!["value"]!.AsArray());
        Assert.All(resumed["value"]!.AsArray(), r => Assert.Equal(first, (string?)r!["generation"]));
        var after = (string?)resumed["@odata.nextLink"];
        Assert.NotNull(after);

        // A second newer one retires the first (its rows are deleted): the rest of the chain is gone, and says so.
        await DropAsync("shop/orders/again.csv", MoreOrdersCsv.Replace("o9,", "o10,", StringComparison.Ordinal));
        await RunAsync();
        var third = await CurrentGenerationAsync();
        _time.Advance(TimeSpan.FromSeconds(7));
        using var gone = await _reader.GetAsync(after);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        var error = (await gone.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        Assert.Equal("Gone", (string?)error["code"]);
        var message = (string)error["message"]!;
        Assert.Contains("$skiptoken", message, StringComparison.Ordinal);
        Assert.Contains(first, message, StringComparison.Ordinal);
        Assert.Contains(third, message, StringComparison.Ordinal);

        // Read again from the first page: the current generation, whole.
        var fresh = await _reader.GetFromJsonAsync<JsonObject>("/api/odata/Snapshots?$top=25");
        Assert.All(fresh!["value"]!.AsArray(), r => Assert.Equal(third, (string?)r!["generation"]));
    }

    [Fact]
    public async Task TheCustomerAndCohortRoutes_ServeTheCurrentGenerationFromMemory()
    {
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        await RunAsync();
        var first = await CurrentGenerationAsync();

        using (var missing = await _reader.GetAsync(new Uri("/api/datasets/shop/customers/c4", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("'c4'", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var c0 = await _reader.GetFromJsonAsync<JsonObject>("/api/datasets/shop/customers/c0");
        Assert.Equal(first, (string?)c0!["generation"]);

        // The same figures as the scores file holds, read from it directly.
        var stored = await Factory.Services.GetRequiredService<ScoresStore>().FindAsync("shop", first, "c0");
        Assert.NotNull(stored);
        Assert.Equal(stored.Frequency, (int)c0["summary"]!["frequency"]!);
        Assert.Equal(stored.MonetaryValue, (decimal)c0["summary"]!["monetaryValue"]!);
        Assert.Equal(stored.Clv, (decimal?)c0["clv"]);
        Assert.Equal(stored.PAlive, (double?)c0["pAlive"]);

        var csv = await _reader.GetStringAsync(new Uri("/api/datasets/shop/cohorts?format=csv", UriKind.Relative));
        var again = await _reader.GetStringAsync(new Uri("/api/datasets/shop/cohorts?format=csv", UriKind.Relative));
        Assert.Equal(csv, again);
        Assert.Equal(csv, await Client.GetStringAsync(new Uri("/api/datasets/shop/cohorts?format=csv", UriKind.Relative)));

        // January's cohort is c0 and c1 (c3's orders were cancelled or refunded); neither bought in February.
        Assert.StartsWith("cohort,cohortStart,monthsAfter,customers,cohortSize,value,partial\r\n2025-01,2025-01-01,0,2,2,100,false", csv, StringComparison.Ordinal);

        await DropAsync("shop/orders/more.csv", MoreOrdersCsv);
        await RunAsync();
        var second = await CurrentGenerationAsync();
        _time.Advance(TimeSpan.FromSeconds(7));
        var c4 = await _reader.GetFromJsonAsync<JsonObject>("/api/datasets/shop/customers/c4");
        Assert.Equal(second, (string?)c4!["generation"]);
        var matrix = await _reader.GetFromJsonAsync<JsonObject>("/api/datasets/shop/cohorts");
        Assert.Equal(second, (string?)matrix!["generation"]);

        // February's cohort is now c2 and c4.
        var february = matrix["cohorts"]!.AsArray().Single(c => (string?)c!["cohort"] == "2025-02");
        Assert.Equal(2, (int)february!["size"]!);
    }

    [Fact]
    public async Task TheCap_DropsTheLeastRecentlyReadRows_AndTheyAreReadAgain()
    {
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        await RunAsync();
        await DropAsync("shop/orders/more.csv", MoreOrdersCsv);
        await RunAsync();

        // The current generation and the one before it are both still in the table.
        var record = await new DatasetRegistry(Factory.Clients).GetAsync("shop");
        var (source, _) = PublishedDataset.From("shop", record);
        var older = record!.PreviousGeneration!;
        var newer = source!.Generation;
        var snapshots = Factory.Services.GetRequiredService<SnapshotStore>();
        var scores = Factory.Services.GetRequiredService<ScoresStore>();

        // Each generation's size as the cache estimates it, with room for everything.
        var sizes = new GenerationRows(1L << 30);
        var sized = new ServedRows(sizes, snapshots, scores);
        var olderRows = await sized.SnapshotsAsync(source, older, CancellationToken.None);
        var olderBytes = sizes.Bytes;
        var newerRows = await sized.SnapshotsAsync(source, newer, CancellationToken.None);
        var newerBytes = sizes.Bytes - olderBytes;
        _ = await sized.CustomersAsync(source, CancellationToken.None);
        var customerBytes = sizes.Bytes - olderBytes - newerBytes;
        Assert.Equal(3, sizes.Loads);
        Assert.True(customerBytes < newerBytes, $"customers {customerBytes} B, snapshot rows {newerBytes} B");

        // Read straight from the table, independently of the cache: the same rows in the same order.
        var table = new List<string>();
        await foreach (var row in snapshots.ScanAsync("shop", older, DateTimeOffset.MinValue, source.AsOf, new SnapshotScan()))
        {
            table.Add("shop|" + RowKeys.Row(row.Metric, row.Grain, row.Period, row.Segment, row.Preset));
        }

        Assert.Equal(table, olderRows.Rows.Select(r => r.Id));

        // Room for both generations' snapshot rows, not for the customers as well.
        var cache = new GenerationRows(olderBytes + newerBytes + (customerBytes / 2));
        var rows = new ServedRows(cache, snapshots, scores);
        var olderKey = new RowsKey("snapshots", "shop", older);
        var newerKey = new RowsKey("snapshots", "shop", newer);
        var customersKey = new RowsKey("customers", "shop", newer);

        _ = await rows.SnapshotsAsync(source, older, CancellationToken.None);
        _ = await rows.SnapshotsAsync(source, newer, CancellationToken.None);
        Assert.Equal(2, cache.Loads);

        // Read again: from memory. The older generation is now the more recently read.
        var again = await rows.SnapshotsAsync(source, older, CancellationToken.None);
        Assert.Equal(2, cache.Loads);
        Assert.Equal(table, again.Rows.Select(r => r.Id));

        _ = await rows.CustomersAsync(source, CancellationToken.None);
        Assert.Equal(3, cache.Loads);
        Assert.True(cache.Holds(customersKey));
        Assert.True(cache.Holds(olderKey));
        Assert.False(cache.Holds(newerKey), "The least recently read rows are dropped past the cap.");
        Assert.True(cache.Bytes <= cache.CapBytes, $"{cache.Bytes} B kept over a cap of {cache.CapBytes} B");
        Assert.Equal(olderBytes + customerBytes, cache.Bytes);

        // The dropped generation is read from the table again, with the same rows.
        var reread = await rows.SnapshotsAsync(source, newer, CancellationToken.None);
        Assert.Equal(4, cache.Loads);
        Assert.Equal(newerRows.Rows.Select(r => r.Id), reread.Rows.Select(r => r.Id));

        // Rows larger than the whole cap are served but not kept.
        var tiny = new GenerationRows(olderBytes - 1);
        var tinyRows = new ServedRows(tiny, snapshots, scores);
        Assert.Equal(table, (await tinyRows.SnapshotsAsync(source, older, CancellationToken.None)).Rows.Select(r => r.Id));
        Assert.False(tiny.Holds(olderKey));
        Assert.Equal(0, tiny.Bytes);
        _ = await tinyRows.SnapshotsAsync(source, older, CancellationToken.None);
        Assert.Equal(2, tiny.Loads);
    }

    [Fact]
    public async Task AGenerationOlderThanThePrevious_LeavesTheRowCacheAndTheFeedAnswers_OnceANewerOneIsKnown()
    {
        const string Top3 = "/api/odata/Snapshots?$top=3";
        var cache = _readerFactory.Services.GetRequiredService<GenerationRows>();
        var feed = _readerFactory.Services.GetRequiredService<FeedAnswers>();

        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        await RunAsync();
        var first = await CurrentGenerationAsync();
        await ReadAllAsync();
        using (var top = await _reader.GetAsync(new Uri(Top3, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, top.StatusCode);
        }

        Assert.True(cache.Holds(new RowsKey("snapshots", "shop", first)));
        Assert.True(cache.Holds(new RowsKey("customers", "shop", first)));
        Assert.True(feed.HoldsOver("shop", first));
        var firstBytes = cache.Bytes;
        Assert.True(firstBytes > 0);

        // The second generation: the first is now the previous one and stays.
        await DropAsync("shop/orders/more.csv", MoreOrdersCsv);
        await RunAsync();
        var second = await CurrentGenerationAsync();
        _time.Advance(TimeSpan.FromSeconds(7));
        await ReadAllAsync();
        Assert.True(cache.Holds(new RowsKey("snapshots", "shop", second)));
        Assert.True(cache.Holds(new RowsKey("snapshots", "shop", first)));
        Assert.True(cache.Holds(new RowsKey("customers", "shop", first)));
        Assert.True(feed.HoldsOver("shop", first), "The $top=3 answer over the previous generation is still kept.");
        var bothBytes = cache.Bytes;
        Assert.True(bothBytes > firstBytes);

        // The third: the first is neither current nor previous, and its rows and answers are dropped at once.
        await DropAsync("shop/orders/again.csv", MoreOrdersCsv.Replace("o9,", "o10,", StringComparison.Ordinal));
        await RunAsync();
        var third = await CurrentGenerationAsync();
        _time.Advance(TimeSpan.FromSeconds(7));
        await ReadAllAsync();
        Assert.False(cache.Holds(new RowsKey("snapshots", "shop", first)));
        Assert.False(cache.Holds(new RowsKey("customers", "shop", first)));
        Assert.False(feed.HoldsOver("shop", first));
        Assert.True(cache.Holds(new RowsKey("snapshots", "shop", second)));
        Assert.True(cache.Holds(new RowsKey("snapshots", "shop", third)));
        Assert.True(cache.Holds(new RowsKey("customers", "shop", third)));

        // What is held is the second and third generations' rows: the third's size as a separate cache estimates it.
        var record = await new DatasetRegistry(Factory.Clients).GetAsync("shop");
        var (source, _) = PublishedDataset.From("shop", record);
        var sizes = new GenerationRows(1L << 30);
        var sized = new ServedRows(sizes, Factory.Services.GetRequiredService<SnapshotStore>(), Factory.Services.GetRequiredService<ScoresStore>());
        _ = await sized.SnapshotsAsync(source!, third, CancellationToken.None);
        _ = await sized.CustomersAsync(source!, CancellationToken.None);
        Assert.Equal(bothBytes - firstBytes + sizes.Bytes, cache.Bytes);

        async Task ReadAllAsync()
        {
            _ = await RevenueAsync(_reader);
            using var customer = await _reader.GetAsync(new Uri("/api/datasets/shop/customers/c0", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, customer.StatusCode);
        }
    }

    [Fact]
    public async Task TheDrillThrough_IsServedFromMemory_AndPicksUpANewGenerationWithinTheBound()
    {
        const string NewInFebruary = "/api/datasets/shop/metrics/new-customers/customers?period=2025-02";
        var cache = _readerFactory.Services.GetRequiredService<GenerationRows>();
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        await RunAsync();
        var first = await CurrentGenerationAsync();

        // February's only new customer is c2 (c3's orders were cancelled or refunded).
        var before = await _reader.GetStringAsync(new Uri(NewInFebruary, UriKind.Relative));
        var list = JsonNode.Parse(before)!;
        Assert.Equal(first, (string?)list["generation"]);
        Assert.Equal(["c2"], list["customers"]!.AsArray().Select(c => (string)c!["customerId"]!));
        Assert.Equal(1m, (decimal?)list["value"]);
        Assert.Equal(before, await Client.GetStringAsync(new Uri(NewInFebruary, UriKind.Relative)));

        // Asked again, and for another period: no read of storage.
        var loads = cache.Loads;
        Assert.Equal(before, await _reader.GetStringAsync(new Uri(NewInFebruary, UriKind.Relative)));
        _ = await _reader.GetStringAsync(new Uri("/api/datasets/shop/metrics/new-customers/customers?period=2025-01", UriKind.Relative));
        Assert.Equal(loads, cache.Loads);

        await DropAsync("shop/orders/more.csv", MoreOrdersCsv);
        await RunAsync();
        var second = await CurrentGenerationAsync();

        // Younger than two seconds, the reader's pointer still names the first generation.
        _time.Advance(TimeSpan.FromMilliseconds(1900));
        Assert.Equal(before, await _reader.GetStringAsync(new Uri(NewInFebruary, UriKind.Relative)));

        // Seven seconds (2 s + 5 s stale) after the reading, the second generation: c4 ordered on 9 February.
        _time.Advance(TimeSpan.FromMilliseconds(5100));
        var after = JsonNode.Parse(await _reader.GetStringAsync(new Uri(NewInFebruary, UriKind.Relative)))!;
        Assert.Equal(second, (string?)after["generation"]);
        Assert.Equal(["c2", "c4"], after["customers"]!.AsArray().Select(c => (string)c!["customerId"]!));
        Assert.Equal(2m, (decimal?)after["value"]);
        Assert.Equal(2m, (decimal?)after["total"]);
    }

    [Fact]
    public async Task ARowCacheSettingThatIsNotAWholeNumberOfMb_StopsStartUp_NamingIt()
    {
        await using var bad = Factory.WithWebHostBuilder(builder => builder.UseSetting("Serving:RowCacheMb", "0.5"));
        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());
        Assert.Contains("Serving__RowCacheMb is '0.5'", error.ToString(), StringComparison.Ordinal);
    }

    private async Task RunAsync() => Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

    private async Task<string> CurrentGenerationAsync() =>
        (await new DatasetRegistry(Factory.Clients).GetAsync("shop"))!.CurrentGeneration!;

    private static string[] Ids(JsonObject page) => [.. page["value"]!.AsArray().Select(r => (string)r!["id"]!)];

    private static async Task<string[]> CustomerIdsAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonObject>("/api/odata/Customers?$select=customerId");
        return [.. page!["value"]!.AsArray().Select(r => (string)r!["customerId"]!)];
    }

    private static async Task<Answer> RevenueAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(Revenue, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // A kept answer is written with the headers the OData serialiser gave it the first time.
        Assert.Equal("4.0", response.Headers.GetValues("OData-Version").Single());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "odata.metadata" && p.Value == "minimal");
        Assert.StartsWith("\"snapshots-", response.Headers.ETag?.Tag, StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        var rows = JsonNode.Parse(body)!["value"]!.AsArray();
        Assert.NotEmpty(rows);
        var generation = Assert.Single(rows.Select(r => (string)r!["generation"]!).Distinct().ToList());
        var values = rows.Where(r => (string?)r!["preset"] is null)
            .ToDictionary(r => (string)r!["period"]!, r => (decimal)r!["value"]!);
        return new Answer(generation, values, body);
    }

    private sealed record Answer(string Generation, IReadOnlyDictionary<string, decimal> Values, string Body);
}
