using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Centric.Storage.Connection;
using Centric.Storage.Queues;
using Centric.Storage.Snapshots;
using Xunit.Abstractions;

namespace Centric.LocalHost.Tests.Faults;

/// <summary>
/// Storage that stops answering for a minute in the middle of the pipeline (Azurite frozen with SIGSTOP, then
/// SIGCONT), and two recomputes of one dataset at once, on one real local host.
/// </summary>
[Collection(WaitingFaultSuite.Name)]
[Trait("Category", FaultSuite.Category)]
public sealed class StorageFreezeAndRaceTests(PipelineHostFixture fixture, ITestOutputHelper output) : IClassFixture<PipelineHostFixture>
{
    private const string Header = "order_id,customer_id,order_date,amount,currency,status\n";

    private static readonly string First = Orders("a", 0, 40);

    private static readonly string Second = Orders("b", 25, 40);

    private FaultHost Faults => fixture.Host;

    [Fact]
    public async Task StorageFrozenForAMinuteMidPipeline_HealthIs503Meanwhile_AndTheFinalSnapshotEqualsAnUndisturbedRunWithEveryRowOnce()
    {
        using var transcript = new Transcript(output, Faults);
        var calm = await RunAsync("calm", freeze: false);
        var frozen = await RunAsync("frozen", freeze: true);

        Assert.Equal(calm.Count, frozen.Count);
        Assert.True(calm.Count > 100, $"expected a full snapshot, found {calm.Count} rows");
        var different = calm.Where(row => !frozen.TryGetValue(row.Key, out var other) || other != row.Value).Select(r => r.Key).ToList();
        Assert.True(different.Count == 0, $"rows that differ from the undisturbed run: {string.Join(", ", different.Take(10))}");
    }

    [Fact]
    public async Task TwoRecomputesOfOneDatasetAtOnce_OneGenerationWins_ThePointerNeverShowsAPartialGeneration_AndNoRowIsDuplicated()
    {
        using var transcript = new Transcript(output, Faults);
        await UploadAsync("race", "orders.csv", First);
        await FaultHost.WaitUntilAsync(async () => await GenerationAsync("race") is not null, TimeSpan.FromSeconds(90), "the first generation");
        var before = (await GenerationAsync("race"))!;
        var complete = new Dictionary<string, int>(StringComparer.Ordinal) { [before] = (await SnapshotRowsAsync("race", before)).Count };

        // The pointer moves before the invocation that moved it has returned its log: wait for that line, so it is not
        // taken for an outcome of the race.
        await FaultHost.WaitUntilAsync(
            () => Task.FromResult(Faults.Log.Events.Any(e => e.Event.Name == "FunctionLog" && e.Message.Contains("race: generation " + before, StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30),
            "the first generation's log line");
        var logged = Faults.Log.Events.Count;

        var clients = StorageClients.FromConnectionString(Faults.Host.StorageConnectionString);
        var queues = new WorkQueues(clients);
        var asOf = new DateOnly(2025, 3, 31);
        await Task.WhenAll(
            queues.SendAsync(new RecomputeMessage("race", asOf, "racing recompute 1")),
            queues.SendAsync(new RecomputeMessage("race", asOf, "racing recompute 2")));

        // Every generation a reader can see must already hold all its rows. The two messages arrive together: one
        // computes while the other finds the dataset's compute lock held and is queued again, then finds it up to date.
        var seen = new List<(string Generation, int Rows)>();
        var watch = Stopwatch.StartNew();
        while (Settled(Outcomes(logged)).Count < 2)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), "both recomputes to finish");
            if (await GenerationAsync("race") is { } current)
            {
                seen.Add((current, (await SnapshotRowsAsync("race", current)).Count));
            }
        }

        var outcomes = Outcomes(logged);
        output.WriteLine(string.Join('\n', outcomes));
        var winner = (await GenerationAsync("race"))!;
        Assert.NotEqual(before, winner);
        Assert.Equal(["race: generation " + winner, "race: up to date"], Settled(outcomes).Order(StringComparer.Ordinal));
        var rows = await SnapshotRowsAsync("race", winner);
        complete[winner] = rows.Count;
        Assert.All(seen, s => Assert.Equal(complete[s.Generation], s.Rows));

        // Only the published generation and the one before it remain: no second generation was written, none is doubled.
        Assert.Equal([before, winner], (await PartitionsAsync("race")).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(await Faults.MonthlyValueAsync("race", "revenue", "2025-01"), await RevenueAsync(First, "2025-01"));
        Assert.Equal("2025-03-31", (string?)(await Faults.Api.GetFromJsonAsync<JsonObject>("datasets/race"))!["asOf"]);
    }

    /// <summary>
    /// Uploads the two exports at once and, when freezing, stops storage as soon as the first is ingested: the other
    /// ingestion and the first recompute are then under way. Returns the final snapshot.
    /// </summary>
    private async Task<Dictionary<string, string>> RunAsync(string dataset, bool freeze)
    {
        await Task.WhenAll(UploadAsync(dataset, "first.csv", First), UploadAsync(dataset, "second.csv", Second));
        await FaultHost.WaitUntilAsync(
            async () => (await Faults.IngestionsAsync(dataset)).Any(e => (string?)e["status"] == "succeeded"),
            TimeSpan.FromSeconds(90),
            $"a first ingestion in {dataset}");
        if (freeze)
        {
            // The recompute the ingestion queued is picked up within a poll and runs for a few seconds.
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            var entries = await Faults.IngestionsAsync(dataset);
            output.WriteLine("ledger when storage froze: " + string.Join(", ", entries.Select(e => $"{UploadedName((string)e["blob"]!)} {(string?)e["status"]}")));
            await FreezeStorageAsync(TimeSpan.FromSeconds(60));
        }

        var ledger = await Faults.WaitForIngestionsAsync(dataset, 2, TimeSpan.FromSeconds(180));
        Assert.Equal(
            ["first.csv:succeeded:40:40:0", "second.csv:succeeded:40:40:0"],
            ledger.Select(e => $"{UploadedName((string)e["blob"]!)}:{(string?)e["status"]}:{(long)e["rowsRead"]!}:{(long)e["accepted"]!}:{(long)e["rejected"]!}")
                .Order(StringComparer.Ordinal));

        // Every row of both files counted once: revenue per month as summed by hand from the two files.
        foreach (var month in new[] { "2025-01", "2025-02", "2025-03" })
        {
            var expected = await RevenueAsync(First + Second[Header.Length..], month);
            await FaultHost.WaitUntilAsync(
                async () => await Faults.MonthlyValueAsync(dataset, "revenue", month) == expected,
                TimeSpan.FromSeconds(120),
                $"{dataset} revenue for {month} of {expected}");
        }

        var generation = (await GenerationAsync(dataset))!;
        return await SnapshotRowsAsync(dataset, generation);
    }

    /// <summary>The file name an upload was given: its blob is <c>{dataset}/{kind}/{stamp}-{suffix}-{fileName}</c>.</summary>
    private static string UploadedName(string blob) => blob[(blob.LastIndexOf('-') + 1)..];

    /// <summary>Stops Azurite (SIGSTOP) for <paramref name="duration"/>, checking that health says 503 meanwhile, then resumes it.</summary>
    private async Task FreezeStorageAsync(TimeSpan duration)
    {
        var pid = Faults.Host.AzuriteProcessId!.Value;
        Signal("STOP", pid);
        var watch = Stopwatch.StartNew();
        var statuses = new List<HttpStatusCode>();
        try
        {
            while (watch.Elapsed < duration - TimeSpan.FromSeconds(10))
            {
                using var health = await Faults.Api.GetAsync(new Uri("health", UriKind.Relative));
                statuses.Add(health.StatusCode);
                await Task.Delay(TimeSpan.FromSeconds(5));
            }

            var rest = duration - watch.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }
        }
        finally
        {
            Signal("CONT", pid);
        }

        output.WriteLine($"health while storage was frozen: {string.Join(", ", statuses.Select(s => (int)s))}");

        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        await FaultHost.WaitUntilAsync(
            async () =>
            {
                using var health = await Faults.Api.GetAsync(new Uri("health", UriKind.Relative));
                return health.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(60),
            "health 200 once storage answers again");
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, pid.ToString(CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private async Task UploadAsync(string dataset, string fileName, string csv)
    {
        using var response = await Faults.Api.PostAsync(
            new Uri($"datasets/{dataset}/exports/orders?fileName={fileName}", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<string?> GenerationAsync(string dataset)
    {
        using var response = await Faults.Api.GetAsync(new Uri($"datasets/{dataset}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK ? (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["generation"] : null;
    }

    /// <summary>The generation's snapshot rows straight from the table: row key to every value but the generation's own stamps.</summary>
    private async Task<Dictionary<string, string>> SnapshotRowsAsync(string dataset, string generation)
    {
        var table = new TableClient(Faults.Host.StorageConnectionString, SnapshotStore.GenerationTable("snapshots", dataset, generation));
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            var values = entity.Keys
                .Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" or "Dataset" or "Generation" or "ComputedAt"))
                .Order(StringComparer.Ordinal)
                .Select(k => $"{k}={Convert.ToString(entity[k], CultureInfo.InvariantCulture)}");
            Assert.True(rows.TryAdd(entity.RowKey, string.Join(';', values)), $"row {entity.RowKey} twice");
        }

        return rows;
    }

    private async Task<IReadOnlyList<string>> PartitionsAsync(string dataset)
    {
        var table = new TableClient(Faults.Host.StorageConnectionString, "snapshots");
        var prefix = RowKeys.Escape(dataset) + "|";
        var generations = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + "~"}"), select: ["PartitionKey"]))
        {
            generations.Add(entity.PartitionKey[prefix.Length..]);
        }

        return [.. generations];
    }

    /// <summary>The outcomes that end a message: a deferred recompute comes back later as one of these.</summary>
    private static List<string> Settled(List<string> outcomes) =>
        outcomes.Where(o => !o.Contains("another compute is running", StringComparison.Ordinal)).ToList();

    private List<string> Outcomes(int after) =>
        Faults.Log.Events.Skip(after)
            .Where(e => e.Event.Name == "FunctionLog" && e.Message.Contains("race: ", StringComparison.Ordinal))
            .Select(e => e.Message[e.Message.IndexOf("race: ", StringComparison.Ordinal)..])
            .ToList();

    /// <summary>Revenue of one month summed from the CSV by hand (every order here is completed and in EUR).</summary>
    private static Task<decimal?> RevenueAsync(string csv, string month) =>
        Task.FromResult<decimal?>(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => fields[2].StartsWith(month, StringComparison.Ordinal))
            .Sum(fields => decimal.Parse(fields[3], CultureInfo.InvariantCulture)));

    /// <summary>Orders <c>{prefix}0..</c> of customers from <paramref name="firstCustomer"/>, spread over January to March 2025.</summary>
    private static string Orders(string prefix, int firstCustomer, int count)
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < count; i++)
        {
            var day = new DateOnly(2025, 1, 1).AddDays(i * 37 % 89);
            csv.Append(CultureInfo.InvariantCulture, $"{prefix}{i},c{firstCustomer + (i % 30)},{day:yyyy-MM-dd},{5 + (i * 13 % 40)}.25,EUR,completed\n");
        }

        return csv.ToString();
    }
}
