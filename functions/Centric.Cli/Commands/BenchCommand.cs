using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Centric.Cli.Arguments;
using Centric.Cli.Bench;
using Centric.Cli.Output;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Engine.Compute;
using Centric.Engine.DuckDb;
using Centric.Engine.Ingestion;
using Centric.Engine.Local;
using Centric.Engine.Samples;
using Centric.Engine.Settings;

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
    private static readonly DateTimeOffset IngestedAt = new(SampleOptions.DefaultEnd.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, TimeProvider time)
    {
        if (args.Contains("--clv-fits"))
        {
            return RunClvFits([.. args.Where(a => a != "--clv-fits")], stdout, stderr);
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
            return RunClvBenchmarks([.. args.Take(clv), .. args.Skip(clv + 1)]);
        }

        var parsed = CommandArguments.Parse(args, Options, ["growth"], out var error);
        if (parsed is null)
        {
            return UsageError(stderr, error!);
        }

        if (parsed.Flag("growth") || parsed.Value("rows") is { } listed && listed.Contains(',', StringComparison.Ordinal))
        {
            return RunGrowth(parsed, stdout, stderr, environment);
        }

        var rows = DefaultRows;
        if (parsed.Value("rows") is { } rowsText && !OptionValues.TryParseCount(rowsText, out rows))
        {
            return UsageError(stderr, $"--rows '{rowsText}' is not a positive whole number.");
        }

        var orders = rows;
        if (parsed.Value("orders") is { } ordersText && !OptionValues.TryParseCount(ordersText, out orders))
        {
            return UsageError(stderr, $"--orders '{ordersText}' is not a positive whole number.");
        }

        var customers = Math.Max(1, orders / 10);
        if (parsed.Value("customers") is { } customersText && !OptionValues.TryParseCount(customersText, out customers))
        {
            return UsageError(stderr, $"--customers '{customersText}' is not a positive whole number.");
        }

        IReadOnlyList<ExportKind> kinds = AllKinds;
        if (parsed.Value("kinds") is { } kindsText && !TryParseKinds(kindsText, out kinds, out var kindsError))
        {
            return UsageError(stderr, kindsError);
        }

        var progress = StepProgress.For(stderr, "centric bench", kinds.Count * 4);
        var report = new BenchReport([.. kinds.Select(k => Measure(k, k == ExportKind.Orders ? orders : rows, customers, progress))]);
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
            return UsageError(stderr, "--growth and a list of --rows measure orders at each size; leave out --kinds, --orders and --customers.");
        }

        var sizes = new List<int>();
        if (parsed.Value("rows") is { } rowsText)
        {
            foreach (var text in rowsText.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!OptionValues.TryParseCount(text, out var size))
                {
                    return UsageError(stderr, $"--rows '{text}' is not a positive whole number (give a list such as 100000,300000).");
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
            return UsageError(stderr, e.Message);
        }

        var progress = StepProgress.For(stderr, "centric bench --growth", sizes.Count * 4);
        var measured = sizes.Select(size => Measure(ExportKind.Orders, size, Math.Max(1, size / 10), progress, resources)).ToList();
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

    /// <summary>
    /// <c>--clv-fits</c>: times once each the BG/NBD fit, the Gamma-Gamma fit and the 12-month scores of
    /// <c>--customers</c> simulated customers (default 1,000,000, as <see cref="ClvBenchmarks"/> simulates them), and,
    /// with <c>--cdnow FILE</c>, a cold Pareto/NBD fit on that CDNOW log at the published calibration end 1997-09-30.
    /// </summary>
    private static int RunClvFits(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CommandArguments.Parse(args, ["customers", "cdnow"], [], out var error);
        if (parsed is null)
        {
            return UsageError(stderr, error!);
        }

        var count = 1_000_000;
        if (parsed.Value("customers") is { } customersText && !OptionValues.TryParseCount(customersText, out count))
        {
            return UsageError(stderr, $"--customers '{customersText}' is not a positive whole number.");
        }

        IReadOnlyList<Centric.Domain.Clv.CustomerSummary>? cdnow = null;
        if (parsed.Value("cdnow") is { } cdnowPath)
        {
            if (!File.Exists(cdnowPath))
            {
                return UsageError(stderr, $"--cdnow '{cdnowPath}' does not exist.");
            }

            var log = Centric.Cli.Clv.CdnowLog.Read(cdnowPath, out var problem);
            if (log is null)
            {
                return UsageError(stderr, $"--cdnow: {problem}");
            }

            cdnow = Centric.Domain.Clv.RfmSummarizer.Summarize(log, new DateOnly(1997, 9, 30));
        }

        var steps = ClvBenchmarks.Timed(count, cdnow);
        stdout.WriteLine(JsonSerializer.Serialize(new ClvBenchReport(steps), CliJsonContext.Default.ClvBenchReport));
        stderr.WriteLine();
        stderr.WriteLine("| CLV step | customers | groups | ms | iterations | status |");
        stderr.WriteLine("|---|--:|--:|--:|--:|---|");
        foreach (var step in steps)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {step.Step} | {step.Customers} | {step.Groups} | {step.Ms} | {step.Iterations} | {step.Status} |"));
        }

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

    private static KindBench Measure(ExportKind kind, int rows, int orderCustomers, StepProgress progress, DuckDbResources? resources = null)
    {
        var slug = kind.ToSlug();
        var work = Directory.CreateTempSubdirectory("centric-bench-");
        try
        {
            using var memory = PeakMemory.Start();
            var options = new SampleOptions(
                Customers: kind == ExportKind.Orders ? orderCustomers : BenchExports.CustomersFor(kind, rows),
                Orders: kind == ExportKind.Orders ? rows : null);
            var exports = Path.Combine(work.FullName, "exports");
            var people = Path.Combine(work.FullName, "customers");
            var file = Path.Combine(exports, slug, slug + ".csv");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var withCustomers = kind != ExportKind.Mentions;
            progress.Step(withCustomers ? $"{slug}: generating {rows} rows of {options.Customers} customers" : $"{slug}: generating {rows} rows");
            var watch = Stopwatch.StartNew();
            long written;
            using (var writer = new StreamWriter(file))
            {
                // Orders come from the realistic sample sized to about N rows; the other kinds have exactly N rows.
                written = kind == ExportKind.Orders ? SampleExports.WriteOrdersCsv(writer, options) : BenchExports.Write(writer, kind, rows, options);
            }

            if (withCustomers)
            {
                Directory.CreateDirectory(Path.Combine(people, "customers"));
                using var writer = new StreamWriter(Path.Combine(people, "customers", "customers.csv"));
                SampleExports.WriteCustomersCsv(writer, options);
            }

            var generateMs = watch.ElapsedMilliseconds;
            var curated = Path.Combine(work.FullName, "curated");
            var rejects = Path.Combine(work.FullName, "rejects");
            if (withCustomers)
            {
                // The customers give the segments; their ingestion is not the kind's and is left out of its time.
                Ingest(people, curated, Path.Combine(work.FullName, "customer-rejects"), resources);
            }

            progress.Step($"{slug}: ingesting");
            double ingestPeakMb;
            IReadOnlyList<FileIngestion> ingested;
            using (var ingestMemory = PeakMemory.Start())
            {
                watch.Restart();
                ingested = Ingest(exports, curated, rejects, resources);
                ingestPeakMb = ingestMemory.PeakMb;
            }

            var ingestMs = watch.ElapsedMilliseconds;

            progress.Step($"{slug}: computing every metric at every grain and segment");
            var steps = new List<ComputeStep>();
            double computePeakMb, computeManagedPeakMb;
            ComputeResult result;
            using (var computeMemory = PeakMemory.Start())
            {
                watch.Restart();
                result = DatasetComputer.Compute(
                    CuratedFiles.FromFolder(curated), DatasetSettings.Default, progress: new Reporter<string>(progress.Detail), profile: steps, resources: resources);
                computePeakMb = computeMemory.PeakMb;
                computeManagedPeakMb = computeMemory.ManagedPeakMb;
            }

            var computeMs = watch.ElapsedMilliseconds;

            progress.Step($"{slug}: bare DuckDB read_csv with one GROUP BY by month");
            watch.Restart();
            var counted = DuckDbBaseline(kind, file);
            var duckDbMs = watch.ElapsedMilliseconds;
            if (counted != written)
            {
                throw new InvalidOperationException($"DuckDB counted {counted} rows of {slug} where {written} were written.");
            }

            var centricMs = ingestMs + computeMs;
            return new KindBench(
                slug,
                written,
                withCustomers ? options.Customers : 0,
                generateMs,
                ingestMs,
                computeMs,
                duckDbMs,
                duckDbMs > 0 ? Math.Round(centricMs / (double)duckDbMs, 1) : null,
                Math.Round(written / (Math.Max(centricMs, 1) / 1000.0), 1),
                memory.PeakMb,
                ingestPeakMb,
                computePeakMb,
                computeManagedPeakMb,
                ingested.Sum(i => i.Result.Rejected),
                result.Values.Count,
                steps);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static IReadOnlyList<FileIngestion> Ingest(string folder, string curated, string rejects, DuckDbResources? resources)
    {
        var ingestions = FolderIngestion.Ingest(
            ExportFolder.Find(folder), DatasetConfiguration.Default, curated, rejects, IngestedAt, resources: resources);
        if (ingestions.FirstOrDefault(i => i.Result.Status == IngestionStatus.Failed) is { } failed)
        {
            throw new InvalidOperationException($"The synthetic export {failed.File.RelativePath} was not ingested: {failed.Result.Message}");
        }

        return ingestions;
    }

    /// <summary>What DuckDB alone takes on the file: read it with type detection and count its rows by month.</summary>
    internal static long DuckDbBaseline(ExportKind kind, string file)
    {
        var column = ExportSchemas.For(kind).EventColumn ?? throw new InvalidOperationException($"{kind.ToSlug()} has no event time.");
        using var db = new DuckDbSession();
        var months = db.Rows(
            $"SELECT date_trunc('month', CAST({column} AS TIMESTAMP)) AS month, count(*) AS n FROM read_csv({DuckDbSession.Literal(file)}) GROUP BY 1",
            r => r.GetInt64(1));
        return months.Sum();
    }

    private static void WriteTable(TextWriter stderr, BenchReport report)
    {
        stderr.WriteLine();
        stderr.WriteLine("| kind | rows | ingest ms | compute ms | DuckDB ms | ratio | peak MiB | ingest peak | compute peak | of it .NET heap |");
        stderr.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var k in report.Kinds)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {k.Kind} | {k.Rows} | {k.IngestMs} | {k.ComputeMs} | {k.DuckDbMs} | {(k.Ratio is { } ratio ? ratio.ToString("0.0", CultureInfo.InvariantCulture) : "")} | {k.PeakWorkingSetMb:0} | {k.IngestPeakMb:0} | {k.ComputePeakMb:0} | {k.ComputeManagedPeakMb:0} |"));
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
