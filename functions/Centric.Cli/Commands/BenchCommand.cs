using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Centric.Cli.Arguments;
using Centric.Cli.Bench;
using Centric.Cli.Output;
using Centric.Domain.Datasets;
using Centric.Engine.Compute;
using Centric.Engine.Ingestion;
using Centric.Engine.Local;
using Centric.Engine.Samples;
using Centric.Engine.Settings;

namespace Centric.Cli.Commands;

/// <summary>
/// <c>centric bench</c>: generates a synthetic orders export, ingests and computes it as <c>compute</c> does, and prints
/// the timings as JSON. <c>--clv</c> runs the BenchmarkDotNet CLV fit benchmark instead (build in Release;
/// BenchmarkDotNet's own options follow <c>--clv</c>).
/// </summary>
internal static class BenchCommand
{
    private static readonly string[] Options = ["orders", "customers"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var clv = args.ToList().IndexOf("--clv");
        if (clv >= 0)
        {
            return RunClvBenchmarks([.. args.Take(clv), .. args.Skip(clv + 1)]);
        }

        var parsed = CommandArguments.Parse(args, Options, [], out var error);
        if (parsed is null)
        {
            return UsageError(stderr, error!);
        }

        var orders = 100_000;
        var customers = 10_000;
        if (parsed.Value("orders") is { } ordersText && !OptionValues.TryParseCount(ordersText, out orders))
        {
            return UsageError(stderr, $"--orders '{ordersText}' is not a positive whole number.");
        }

        if (parsed.Value("customers") is { } customersText && !OptionValues.TryParseCount(customersText, out customers))
        {
            return UsageError(stderr, $"--customers '{customersText}' is not a positive whole number.");
        }

        var progress = StepProgress.For(stderr, "centric bench", 3);
        var report = Measure(orders, customers, progress);
        progress.Finish();
        stdout.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.BenchReport));
        return CentricCli.Success;
    }

    /// <summary>Runs <see cref="ClvBenchmarks"/> with BenchmarkDotNet; its own options (<c>--job short</c>, ...) pass
    /// through, and every benchmark of the class runs unless a <c>--filter</c> is given.</summary>
    private static int RunClvBenchmarks(string[] benchmarkArgs)
    {
        string[] filter = benchmarkArgs.Contains("--filter") ? [] : ["--filter", "*"];

        // In process by default: the assembly is named centric, not after its project, so BenchmarkDotNet's
        // out-of-process toolchain cannot find the project to rebuild.
        string[] toolchain = benchmarkArgs.Any(a => a is "--inProcess" or "-i" or "--runtimes" or "-r") ? [] : ["--inProcess"];
        var summaries = BenchmarkSwitcher.FromTypes([typeof(ClvBenchmarks)]).Run([.. filter, .. toolchain, .. benchmarkArgs]);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success))
            ? CentricCli.Unusable
            : CentricCli.Success;
    }

    private static BenchReport Measure(int orders, int customers, StepProgress progress)
    {
        var work = Directory.CreateTempSubdirectory("centric-bench-");
        try
        {
            var exports = Path.Combine(work.FullName, "bench");
            Directory.CreateDirectory(Path.Combine(exports, "orders"));
            progress.Step($"generating {orders} orders of {customers} customers");
            var watch = Stopwatch.StartNew();
            long written;
            using (var writer = new StreamWriter(Path.Combine(exports, "orders", "orders.csv")))
            {
                // The realistic sample (repeat purchases, churn, cancellations, credits), sized to about N orders.
                written = SampleExports.WriteOrdersCsv(writer, new SampleOptions(Customers: customers, Orders: orders));
            }
            var generateMs = watch.ElapsedMilliseconds;

            progress.Step("ingesting");
            watch.Restart();
            var curated = Path.Combine(work.FullName, "curated");
            var ingestions = FolderIngestion.Ingest(
                ExportFolder.Find(exports), DatasetConfiguration.Default, curated, Path.Combine(work.FullName, "rejects"));
            var ingestMs = watch.ElapsedMilliseconds;
            if (ingestions.Any(i => i.Result.Status == IngestionStatus.Failed))
            {
                throw new InvalidOperationException($"The synthetic export was not ingested: {ingestions[0].Result.Message}");
            }

            progress.Step("computing");
            watch.Restart();
            var steps = new List<ComputeStep>();
            var result = DatasetComputer.Compute(
                CuratedFiles.FromFolder(curated), DatasetSettings.Default, progress: new Reporter<string>(progress.Detail), profile: steps);
            var computeMs = watch.ElapsedMilliseconds;

            using var process = Process.GetCurrentProcess();
            var seconds = Math.Max(ingestMs + computeMs, 1) / 1000.0;
            return new BenchReport(
                written,
                customers,
                generateMs,
                ingestMs,
                computeMs,
                generateMs + ingestMs + computeMs,
                Math.Round(written / seconds, 1),
                Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1),
                result.Values.Count,
                steps);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"centric bench: {message}");
        stderr.WriteLine("usage:");
        stderr.WriteLine(Usage.Bench);
        return CentricCli.Unusable;
    }
}
