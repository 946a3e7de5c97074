using System.Globalization;
using System.Text.Json;
using Centric.Cli.Arguments;
using Centric.Cli.Bench;
using Centric.Cli.Output;
using Centric.Domain.Exports;
using Centric.Engine.DuckDb;
using Centric.Engine.Samples;

namespace Centric.Cli.Commands;

/// <summary>
/// <c>centric bench</c>: for each export kind asked for (<c>--kinds</c>, all by default), generates a synthetic export of
/// <c>--rows</c> rows, ingests and computes it as <c>compute</c> does, times a bare DuckDB read of the same file with one
/// GROUP BY by month beside it, and prints the timings as JSON (a table on standard error). <c>--clv</c> runs the
/// BenchmarkDotNet CLV fit benchmark instead (build in Release; BenchmarkDotNet's own options follow <c>--clv</c>).
/// </summary>
internal static class BenchCommand
{
    private const int DefaultRows = 100_000;
    private static readonly string[] Options = ["orders", "customers", "rows", "kinds"];
    private static readonly int[] GrowthSizes = [100_000, 300_000, 1_000_000, 3_000_000, 10_000_000];
    private static readonly ExportKind[] AllKinds = [ExportKind.Orders, .. BenchExports.Kinds];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, TimeProvider time)
    {
        if (args.Contains("--clv-fits"))
        {
            return ClvBenchCommand.RunFits([.. args.Where(a => a != "--clv-fits")], stdout, stderr);
        }

        if (args.Contains("--host"))
        {
            return HostBenchCommand.Run([.. args.Where(a => a != "--host")], stdout, stderr, time);
        }

        if (args.Contains("--serve"))
        {
            return ServeBenchCommand.Run([.. args.Where(a => a != "--serve")], stdout, stderr);
        }

        var clv = args.ToList().IndexOf("--clv");
        if (clv >= 0)
        {
            return ClvBenchCommand.RunBenchmarks([.. args.Take(clv), .. args.Skip(clv + 1)]);
        }

        var parsed = CommandArguments.Parse(args, Options, ["growth"], out var error);
        if (parsed is null)
        {
            return BenchUsage.Error(stderr, "centric bench", error!);
        }

        if (parsed.Flag("growth") || parsed.Value("rows") is { } listed && listed.Contains(',', StringComparison.Ordinal))
        {
            return RunGrowth(parsed, stdout, stderr, environment);
        }

        var rows = DefaultRows;
        if (parsed.Value("rows") is { } rowsText && !OptionValues.TryParseCount(rowsText, out rows))
        {
            return BenchUsage.Error(stderr, "centric bench", $"--rows '{rowsText}' is not a positive whole number.");
        }

        var orders = rows;
        if (parsed.Value("orders") is { } ordersText && !OptionValues.TryParseCount(ordersText, out orders))
        {
            return BenchUsage.Error(stderr, "centric bench", $"--orders '{ordersText}' is not a positive whole number.");
        }

        var customers = Math.Max(1, orders / 10);
        if (parsed.Value("customers") is { } customersText && !OptionValues.TryParseCount(customersText, out customers))
        {
            return BenchUsage.Error(stderr, "centric bench", $"--customers '{customersText}' is not a positive whole number.");
        }

        IReadOnlyList<ExportKind> kinds = AllKinds;
        if (parsed.Value("kinds") is { } kindsText && !TryParseKinds(kindsText, out kinds, out var kindsError))
        {
            return BenchUsage.Error(stderr, "centric bench", kindsError);
        }

        var progress = StepProgress.For(stderr, "centric bench", kinds.Count * KindMeasurement.Steps);
        var report = new BenchReport([.. kinds.Select(k => KindMeasurement.Measure(k, k == ExportKind.Orders ? orders : rows, customers, progress))]);
        progress.Finish();
        stdout.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.BenchReport));
        WriteTable(stderr, report);
        return CentricCli.Success;
    }

    /// <summary>
    /// <c>--growth</c> (100k, 300k, 1M, 3M, 10M rows) or <c>--rows N,M,...</c>: orders ingest and compute at each size
    /// with the DuckDB resources of the <c>DuckDb__*</c> settings, one row per size, so time and peak memory show
    /// how they grow.
    /// </summary>
    private static int RunGrowth(CommandArguments parsed, TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        if (parsed.Value("kinds") is not null || parsed.Value("orders") is not null || parsed.Value("customers") is not null)
        {
            return BenchUsage.Error(stderr, "centric bench", "--growth and a list of --rows measure orders at each size; leave out --kinds, --orders and --customers.");
        }

        var sizes = new List<int>();
        if (parsed.Value("rows") is { } rowsText)
        {
            foreach (var text in rowsText.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!OptionValues.TryParseCount(text, out var size))
                {
                    return BenchUsage.Error(stderr, "centric bench", $"--rows '{text}' is not a positive whole number (give a list such as 100000,300000).");
                }

                sizes.Add(size);
            }
        }
        else
        {
            sizes.AddRange(GrowthSizes);
        }

        DuckDbResources resources;
        try
        {
            resources = DuckDbResources.From(
                environment("DuckDb__InstanceMemoryMb"), environment("DuckDb__MemoryLimitMb"), environment("DuckDb__Threads"), environment("DuckDb__TempDirectory"));
        }
        catch (FormatException e)
        {
            return BenchUsage.Error(stderr, "centric bench", e.Message);
        }

        var progress = StepProgress.For(stderr, "centric bench --growth", sizes.Count * KindMeasurement.Steps);
        var measured = sizes.Select(size => KindMeasurement.Measure(ExportKind.Orders, size, Math.Max(1, size / 10), progress, resources)).ToList();
        progress.Finish();
        var report = new GrowthReport(resources.MemoryLimitMb, resources.Threads, measured);
        stdout.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.GrowthReport));
        stderr.WriteLine();
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DuckDB memory_limit {report.MemoryLimitMb} MiB, {report.Threads} threads"));
        stderr.WriteLine("| rows | customers | ingest ms | compute ms | total ms | rows/s | peak MiB | ingest peak | compute peak | of it .NET heap |");
        stderr.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var k in report.Sizes)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {k.Rows} | {k.Customers} | {k.IngestMs} | {k.ComputeMs} | {k.IngestMs + k.ComputeMs} | {k.RowsPerSecond:0} | {k.PeakWorkingSetMb:0} | {k.IngestPeakMb:0} | {k.ComputePeakMb:0} | {k.ComputeManagedPeakMb:0} |"));
        }

        return CentricCli.Success;
    }

    /// <summary>Parses <c>--kinds tickets,surveys</c>: known kinds the bench generates, each once.</summary>
    private static bool TryParseKinds(string text, out IReadOnlyList<ExportKind> kinds, out string error)
    {
        var list = new List<ExportKind>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ExportKinds.TryParse(name, out var kind) || !AllKinds.Contains(kind))
            {
                kinds = [];
                error = $"--kinds '{name}' is not a kind the bench generates; use any of {string.Join(", ", AllKinds.Select(k => k.ToSlug()))}.";
                return false;
            }

            if (!list.Contains(kind))
            {
                list.Add(kind);
            }
        }

        if (list.Count == 0)
        {
            kinds = [];
            error = "--kinds names no kind; use any of " + string.Join(", ", AllKinds.Select(k => k.ToSlug())) + ".";
            return false;
        }

        kinds = list;
        error = "";
        return true;
    }

    private static void WriteTable(TextWriter stderr, BenchReport report)
    {
        stderr.WriteLine();
        stderr.WriteLine("| kind | rows | ingest ms | compute ms | DuckDB CSV ms | ratio | ingest ÷ CSV | DuckDB Parquet ms | compute ÷ Parquet | peak MiB | ingest peak | compute peak | of it .NET heap |");
        stderr.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        static string Times(double? ratio) => ratio is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) : "";
        foreach (var k in report.Kinds)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {k.Kind} | {k.Rows} | {k.IngestMs} | {k.ComputeMs} | {k.DuckDbMs} | {Times(k.Ratio)} | {Times(k.IngestRatio)} | {k.DuckDbParquetMs} | {Times(k.ComputeRatio)} | {k.PeakWorkingSetMb:0} | {k.IngestPeakMb:0} | {k.ComputePeakMb:0} | {k.ComputeManagedPeakMb:0} |"));
        }
    }
}
