using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Centric.Cli.Arguments;
using Centric.Cli.Bench;
using Centric.Cli.Output;
using Centric.Engine.Samples;
using Centric.LocalHost;
using Centric.LocalHost.Samples;
using Centric.LocalHost.Storage;

namespace Centric.Cli.Commands;

/// <summary>
/// <c>centric bench --serve</c>: seeds the built-in sample into Azurite (one it starts on free ports in a temporary
/// folder, or <c>--connection-string</c>), runs the real handler under the local host until the sample is computed,
/// then for each route (the metric route, the OData snapshot feed and the cohort matrix, or <c>--route</c>) warms it,
/// writes the handler's exact answer to a file served by a bare Kestrel static-file app, runs wrk against both at each
/// connection count and prints requests/s, p50/p99 and their ratio (JSON on standard output, a table per route on
/// standard error).
/// </summary>
internal static class ServeBenchCommand
{
    public const string DefaultRoute = "/api/datasets/" + SampleSeeder.Dataset + "/metrics/revenue?grain=month";

    /// <summary>What is measured without <c>--route</c>: the metric route, the OData snapshot feed, the cohort matrix.</summary>
    public static readonly IReadOnlyList<string> DefaultRoutes =
    [
        DefaultRoute,
        "/api/odata/Snapshots?$filter=dataset%20eq%20%27" + SampleSeeder.Dataset
            + "%27%20and%20metric%20eq%20%27revenue%27%20and%20grain%20eq%20%27month%27%20and%20segment%20eq%20%27*%27",
        "/api/datasets/" + SampleSeeder.Dataset + "/cohorts",
    ];

    private const double GoalRatio = 0.5;
    private const double GoalP99Ms = 20;
    private static readonly string[] Options = ["seconds", "connections", "route", "connection-string"];
    private static readonly TimeSpan ComputeDeadline = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(15);
    private const int WarmSeconds = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CommandArguments.Parse(args, Options, [], out var error);
        if (parsed is null)
        {
            return BenchUsage.Error(stderr, "centric bench --serve", error!);
        }

        var seconds = 10;
        if (parsed.Value("seconds") is { } secondsText && !OptionValues.TryParseCount(secondsText, out seconds))
        {
            return BenchUsage.Error(stderr, "centric bench --serve", $"--seconds '{secondsText}' is not a positive whole number.");
        }

        var connections = new List<int>();
        foreach (var text in (parsed.Value("connections") ?? "1,16,64").Split(',', StringSplitOptions.TrimEntries))
        {
            if (!OptionValues.TryParseCount(text, out var count))
            {
                return BenchUsage.Error(stderr, "centric bench --serve", $"--connections '{text}' is not a positive whole number (give a list such as 1,16,64).");
            }

            connections.Add(count);
        }

        var route = parsed.Value("route");
        if (route is not null && !route.StartsWith("/api/", StringComparison.Ordinal))
        {
            return BenchUsage.Error(stderr, "centric bench --serve", $"--route '{route}' is not an API path (it starts with /api/).");
        }

        IReadOnlyList<string> routes = route is null ? DefaultRoutes : [route];

        if (Wrk.Find() is not { } wrk)
        {
            stderr.WriteLine("centric bench --serve: " + Wrk.InstallHint);
            return CentricCli.Unusable;
        }

        // Ctrl+C and SIGTERM stop the run: wrk is killed, and the handler and Azurite the local host started are stopped
        // as it is disposed, so nothing is left running.
        using var stop = new StopSignals();
        ServeBenchReport report;
        try
        {
            report = RunAsync(wrk, routes, seconds, connections, parsed.Value("connection-string"), stderr, stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (stop.Requested)
        {
            stderr.WriteLine("centric bench --serve: stopped; wrk, the handler and Azurite were stopped.");
            return CentricCli.Failed;
        }
        catch (ServeBenchFailedException failure)
        {
            stderr.WriteLine($"centric bench --serve: {failure.Message} Nothing was measured; the handler and Azurite were stopped.");
            return CentricCli.Failed;
        }

        stdout.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.ServeBenchReport));
        WriteTable(stderr, report);
        return CentricCli.Success;
    }

    private static async Task<ServeBenchReport> RunAsync(
        string wrk, IReadOnlyList<string> routes, int seconds, List<int> connections, string? connectionString, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var progress = StepProgress.For(stderr, "centric bench --serve", 2 + (routes.Count * (1 + (connections.Count * 2))));
        var work = Directory.CreateTempSubdirectory("centric-serve-");
        try
        {
            progress.Step(connectionString is null
                ? "starting Azurite and the handler, seeding the sample"
                : "starting the handler, seeding the sample");
            await using var host = new LocalFunctionsHost(new LocalHostOptions
            {
                ScriptRoot = AppContext.BaseDirectory,
                StorageConnectionString = connectionString ?? DevelopmentStorage.ConnectionString,
                Azurite = AzuriteOptions.OnFreePorts(Path.Combine(work.FullName, "azurite")),
                HttpPort = 0,
                Settings = new Dictionary<string, string>
                {
                    // The scan at start-up picks up the seeded sample; none runs again while wrk measures.
                    ["ScanExportsSchedule"] = "0 0 3 * * *",
                    ["NightlyRecomputeSchedule"] = "0 0 2 * * *",
                },
                Sample = new SampleOptions(),
            });
            await host.StartAsync(cancellationToken);

            using var client = new HttpClient { BaseAddress = host.HandlerUrl, Timeout = TimeSpan.FromSeconds(30) };
            progress.Step("waiting for the sample to be ingested and computed");
            await WaitForAnswerAsync(client, routes[0], progress, cancellationToken);
            var measured = new List<ServeRoute>();
            foreach (var route in routes)
            {
                measured.Add(await MeasureAsync(wrk, client, host.HandlerUrl, route, seconds, connections, work, progress, cancellationToken));
            }

            progress.Finish();
            return new ServeBenchReport(seconds, measured);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>One route against the static file holding its exact answer, at each connection count.</summary>
    private static async Task<ServeRoute> MeasureAsync(
        string wrk, HttpClient client, Uri handlerBase, string route, int seconds, List<int> connections, DirectoryInfo work,
        StepProgress progress, CancellationToken cancellationToken)
    {
        // Warm the route (the handler's cached answer, the JIT), then take the bytes it now serves.
        byte[] body = [];
        for (var i = 0; i < 50; i++)
        {
            using var response = await client.GetAsync(route, cancellationToken);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ServeBenchFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"GET {route} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}"));
            }
        }

        progress.Step($"{route}: writing the {body.Length} bytes of the answer to a file for the static-file server");
        var files = Directory.CreateDirectory(Path.Combine(work.FullName, "static-" + Guid.NewGuid().ToString("N")));
        await File.WriteAllBytesAsync(Path.Combine(files.FullName, "answer.json"), body, cancellationToken);
        await using var staticServer = await StaticFileServer.StartAsync(files.FullName, cancellationToken);
        var staticUrl = new Uri(staticServer.BaseAddress, "answer.json");
        var served = await client.GetByteArrayAsync(staticUrl, cancellationToken);
        if (!served.AsSpan().SequenceEqual(body))
        {
            throw new ServeBenchFailedException("The static-file server does not serve the handler's bytes.");
        }

        // Both servers are warmed under load first, so tiered compilation has finished before anything is measured.
        var handlerUrl = new Uri(handlerBase, route);
        var warmThreads = Math.Min(connections.Max(), Environment.ProcessorCount);
        await Wrk.RunAsync(wrk, staticUrl, connections.Max(), warmThreads, WarmSeconds, cancellationToken);
        await Wrk.RunAsync(wrk, handlerUrl, connections.Max(), warmThreads, WarmSeconds, cancellationToken);
        var runs = new List<ServeRun>();
        foreach (var count in connections)
        {
            var threads = Math.Min(count, Environment.ProcessorCount);
            progress.Step($"wrk: {count} connections, {threads} threads, {seconds} s against the static file");
            var baseline = await Wrk.RunAsync(wrk, staticUrl, count, threads, seconds, cancellationToken);
            progress.Step($"wrk: {count} connections, {threads} threads, {seconds} s against {route}");
            var handler = await Wrk.RunAsync(wrk, handlerUrl, count, threads, seconds, cancellationToken);
            double? ratio = baseline.RequestsPerSecond > 0 ? Math.Round(handler.RequestsPerSecond / baseline.RequestsPerSecond, 2) : null;
            runs.Add(new ServeRun(
                count, threads, handler, baseline, ratio, ratio >= GoalRatio && handler.P99Ms < GoalP99Ms && handler.Errors == 0));
        }

        return new ServeRoute(route, body.Length, runs);
    }

    /// <summary>
    /// Polls the route until the handler answers 200 with rows and the same ETag for <see cref="Settled"/>: the sample's
    /// exports are all ingested and its last generation published, so no compute runs while wrk measures.
    /// </summary>
    private static async Task WaitForAnswerAsync(HttpClient client, string route, StepProgress progress, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var stable = Stopwatch.StartNew();
        string? tag = null;
        while (true)
        {
            using var response = await client.GetAsync(route, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var current = response.Headers.ETag?.Tag;
            if (response.IsSuccessStatusCode && current != tag)
            {
                progress.Detail(string.Create(CultureInfo.InvariantCulture, $"waiting: {body.Length} bytes of generation {current}"));
            }

            if (response.IsSuccessStatusCode && body.Length > 2)
            {
                if (current != tag)
                {
                    tag = current;
                    stable.Restart();
                }
                else if (stable.Elapsed >= Settled)
                {
                    return;
                }
            }
            else if (response.StatusCode is not (System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.OK))
            {
                throw new ServeBenchFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"GET {route} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}"));
            }

            if (waited.Elapsed > ComputeDeadline)
            {
                throw new ServeBenchFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"GET {route} had no settled answer with rows after {waited.Elapsed.TotalSeconds:0} s."));
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private static void WriteTable(TextWriter stderr, ServeBenchReport report)
    {
        foreach (var route in report.Routes)
        {
            stderr.WriteLine();
            stderr.WriteLine($"GET {route.Route} ({route.Bytes} bytes), {report.Seconds} s per run");
            stderr.WriteLine("| connections | handler req/s | p50 ms | p99 ms | static req/s | p50 ms | p99 ms | ratio | goal |");
            stderr.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|---|");
            foreach (var r in route.Runs)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Connections} | {r.Handler.RequestsPerSecond:0} | {r.Handler.P50Ms:0.00} | {r.Handler.P99Ms:0.00} | {r.StaticFile.RequestsPerSecond:0} | {r.StaticFile.P50Ms:0.00} | {r.StaticFile.P99Ms:0.00} | {(r.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "")} | {(r.MeetsGoal ? "met" : "missed")} |"));
            }
        }
    }
}

/// <summary>A route the bench cannot measure: refused, never settled, or not served byte for byte by the static server.</summary>
public sealed class ServeBenchFailedException : Exception
{
    public ServeBenchFailedException()
    {
    }

    public ServeBenchFailedException(string message)
        : base(message)
    {
    }

    public ServeBenchFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
