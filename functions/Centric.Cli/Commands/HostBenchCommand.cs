using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Centric.Cli.Arguments;
using Centric.Cli.Bench;
using Centric.Cli.Output;
using Centric.Domain.Exports;
using Centric.Engine.Samples;
using Centric.Functions.Api;
using Centric.LocalHost;
using Centric.LocalHost.Storage;

namespace Centric.Cli.Commands;

/// <summary>
/// <c>centric bench --host</c>: the whole pipeline as a finance team meets it. Generates <c>--orders</c> orders (3M by
/// default) with their customers and fx rates, starts Azurite on free ports and the real handler under the local host
/// (its queues and timers), drops the three files into the landing zone, and times each stage from the start of the
/// upload to the first 200 of the dataset's revenue route: the upload, the wait for the landing-zone scan, the
/// ingestions, the compute (the settle included) and the write of the snapshot rows. It reports the handler process's
/// peak memory and, beside it, a bare DuckDB read of the same orders file.
/// </summary>
internal static class HostBenchCommand
{
    public const string Dataset = "bench";

    private const int DefaultOrders = 3_000_000;
    private static readonly string[] Options = ["orders", "customers", "scan-seconds"];
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(60);

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        var parsed = CommandArguments.Parse(args, Options, [], out var error);
        if (parsed is null)
        {
            return BenchUsage.Error(stderr, "centric bench --host", error!);
        }

        var orders = DefaultOrders;
        if (parsed.Value("orders") is { } ordersText && !OptionValues.TryParseCount(ordersText, out orders))
        {
            return BenchUsage.Error(stderr, "centric bench --host", $"--orders '{ordersText}' is not a positive whole number.");
        }

        var customers = Math.Max(1, orders / 10);
        if (parsed.Value("customers") is { } customersText && !OptionValues.TryParseCount(customersText, out customers))
        {
            return BenchUsage.Error(stderr, "centric bench --host", $"--customers '{customersText}' is not a positive whole number.");
        }

        var scanSeconds = 2;
        if (parsed.Value("scan-seconds") is { } scanText && (!OptionValues.TryParseCount(scanText, out scanSeconds) || scanSeconds > 59))
        {
            return BenchUsage.Error(stderr, "centric bench --host", $"--scan-seconds '{scanText}' is not a whole number of seconds from 1 to 59.");
        }

        // Ctrl+C and SIGTERM stop the run: the handler and Azurite the local host started are stopped as it is disposed.
        using var stop = new StopSignals();
        HostBenchReport report;
        try
        {
            report = RunAsync(new SampleOptions(Customers: customers, Orders: orders), scanSeconds, time, stderr, stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (stop.Requested)
        {
            stderr.WriteLine("centric bench --host: stopped; the handler and Azurite were stopped.");
            return CentricCli.Failed;
        }

        stdout.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.HostBenchReport));
        WriteTable(stderr, report);
        return CentricCli.Success;
    }

    private static async Task<HostBenchReport> RunAsync(
        SampleOptions options, int scanSeconds, TimeProvider time, TextWriter stderr, CancellationToken cancellationToken)
    {
        var progress = StepProgress.For(stderr, "centric bench --host", 6);
        var work = Directory.CreateTempSubdirectory("centric-host-bench-");
        try
        {
            progress.Step($"generating about {options.Orders} orders of {options.Customers} customers, their customers and fx rates");
            var files = new Dictionary<ExportKind, string>
            {
                [ExportKind.FxRates] = Path.Combine(work.FullName, "fx-rates.csv"),
                [ExportKind.Customers] = Path.Combine(work.FullName, "customers.csv"),
                [ExportKind.Orders] = Path.Combine(work.FullName, "orders.csv"),
            };
            long written;
            await using (var writer = new StreamWriter(files[ExportKind.FxRates]))
            {
                SampleExports.WriteFxRatesCsv(writer, options);
            }

            await using (var writer = new StreamWriter(files[ExportKind.Customers]))
            {
                SampleExports.WriteCustomersCsv(writer, options);
            }

            await using (var writer = new StreamWriter(files[ExportKind.Orders]))
            {
                written = SampleExports.WriteOrdersCsv(writer, options);
            }

            progress.Step("starting Azurite and the handler under the local host");
            await using var host = new LocalFunctionsHost(new LocalHostOptions
            {
                ScriptRoot = AppContext.BaseDirectory,
                StorageConnectionString = DevelopmentStorage.ConnectionString,
                Azurite = AzuriteOptions.OnFreePorts(Path.Combine(work.FullName, "azurite")),
                HttpPort = 0,
                Settings = new Dictionary<string, string>
                {
                    ["ScanExportsSchedule"] = string.Create(CultureInfo.InvariantCulture, $"*/{scanSeconds} * * * * *"),
                    ["NightlyRecomputeSchedule"] = "0 0 2 * * *",
                },
            });
            await host.StartAsync(cancellationToken);
            using var client = new HttpClient { BaseAddress = host.ApiBaseUrl, Timeout = TimeSpan.FromSeconds(60) };

            progress.Step($"uploading the three files to exports/{Dataset}/ in Azurite");
            var uploadStart = time.GetUtcNow();
            var total = Stopwatch.StartNew();
            var container = new BlobContainerClient(host.StorageConnectionString, "exports");
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            foreach (var (kind, file) in files)
            {
                await container.GetBlobClient($"{Dataset}/{kind.ToSlug()}/{Path.GetFileName(file)}").UploadAsync(file, cancellationToken);
            }

            var uploadEnd = time.GetUtcNow();

            progress.Step("waiting for the scan, the ingestions, the compute and the snapshot rows");
            var handlerPeak = await WaitForRevenueAsync(client, host.HandlerProcessId, progress, cancellationToken);
            var answered = time.GetUtcNow();
            var totalMs = total.ElapsedMilliseconds;
            handlerPeak = Math.Max(handlerPeak, PeakOf(host.HandlerProcessId));

            var ingestions = await client.GetFromJsonAsync<Centric.Functions.Api.IngestionEntry[]>($"datasets/{Dataset}/ingestions", cancellationToken)
                ?? throw new InvalidOperationException("The ingestions route answered nothing.");
            var summary = await client.GetFromJsonAsync<DatasetSummary>($"datasets/{Dataset}", cancellationToken)
                ?? throw new InvalidOperationException("The dataset route answered nothing.");
            var accepted = ingestions.Where(i => i.Kind == ExportKind.Orders.ToSlug()).Sum(i => i.Accepted);
            if (accepted != written)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{accepted} orders were accepted where {written} were written: {string.Join("; ", ingestions.Select(i => $"{i.Blob} {i.Status} {i.Message}"))}"));
            }

            progress.Step("bare DuckDB read_csv of the orders with one GROUP BY by month");
            var watch = Stopwatch.StartNew();
            var counted = KindMeasurement.DuckDbBaseline(ExportKind.Orders, files[ExportKind.Orders]);
            var duckDbMs = watch.ElapsedMilliseconds;
            if (counted != written)
            {
                throw new InvalidOperationException($"DuckDB counted {counted} orders where {written} were written.");
            }

            progress.Finish();
            // The orders are uploaded last and are the bulk: the scan's wait and the ingestion count from their queueing.
            var ordersQueued = ingestions.Where(i => i.Kind == ExportKind.Orders.ToSlug()).Min(i => i.QueuedAt);
            var lastIngested = ingestions.Max(i => i.CompletedAt ?? answered);
            var computed = summary.LastComputed ?? answered;
            return new HostBenchReport(
                written,
                options.Customers,
                new FileInfo(files[ExportKind.Orders]).Length,
                scanSeconds,
                [
                    new HostBenchStage("upload", Ms(uploadEnd - uploadStart)),
                    new HostBenchStage("wait for the scan", Ms(ordersQueued - uploadEnd)),
                    new HostBenchStage("ingest", Ms(lastIngested - ordersQueued)),
                    new HostBenchStage("compute, the settle included", Ms(computed - lastIngested)),
                    new HostBenchStage("write the snapshot rows and publish", Ms(answered - computed)),
                ],
                totalMs,
                duckDbMs,
                duckDbMs > 0 ? Math.Round(totalMs / (double)duckDbMs, 1) : null,
                Math.Round(handlerPeak / (1024.0 * 1024.0), 1),
                summary.Generation,
                summary.Orders,
                summary.Customers);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Polls the revenue route every second until it answers 200, sampling the handler's peak working set; the detail
    /// line names the dataset's newest ingestion state while it waits.
    /// </summary>
    private static async Task<long> WaitForRevenueAsync(HttpClient client, int? handler, StepProgress progress, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        long peak = 0;
        while (true)
        {
            peak = Math.Max(peak, PeakOf(handler));
            using var response = await client.GetAsync($"datasets/{Dataset}/metrics/revenue?grain=month", cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return peak;
            }

            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"GET revenue answered {(int)response.StatusCode}: {body}"));
            }

            if (waited.Elapsed > Deadline)
            {
                throw new InvalidOperationException($"The dataset had no revenue after {Deadline.TotalMinutes:0} minutes.");
            }

            progress.Detail(string.Create(CultureInfo.InvariantCulture, $"waiting {waited.Elapsed.TotalSeconds:0} s; handler peak {peak / (1024 * 1024)} MiB"));
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>The handler's peak working set so far (VmHWM on Linux), 0 when it is not running.</summary>
    private static long PeakOf(int? processId)
    {
        if (processId is not { } id)
        {
            return 0;
        }

        try
        {
            using var process = Process.GetProcessById(id);
            return process.PeakWorkingSet64;
        }
        catch (ArgumentException)
        {
            return 0;
        }
    }

    private static long Ms(TimeSpan span) => Math.Max(0, (long)span.TotalMilliseconds);

    private static void WriteTable(TextWriter stderr, HostBenchReport report)
    {
        stderr.WriteLine();
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Orders} orders of {report.Customers} customers ({report.OrdersBytes / (1024 * 1024)} MiB) through the local host, landing-zone scan every {report.ScanSeconds} s"));
        stderr.WriteLine("| stage | ms |");
        stderr.WriteLine("|---|--:|");
        foreach (var stage in report.Stages)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage.Stage} | {stage.Ms} |"));
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| upload to first answer | {report.TotalMs} |"));
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bare DuckDB {report.DuckDbMs} ms, ratio {report.Ratio?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"}; handler peak working set {report.HandlerPeakMb:0} MiB"));
    }
}
