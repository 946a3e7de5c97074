using System.Diagnostics;
using Centric.Cli.Commands;
using Centric.Cli.Output;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Engine.Compute;
using Centric.Engine.DuckDb;
using Centric.Engine.Ingestion;
using Centric.Engine.Local;
using Centric.Engine.Samples;
using Centric.Engine.Settings;

namespace Centric.Cli.Bench;

/// <summary>
/// One kind measured as <c>centric bench</c> reports it: a synthetic export generated in a scratch folder, ingested
/// and computed as <c>compute</c> does (each with its peak memory and the compute's steps), and the bare DuckDB read
/// of the same file beside it.
/// </summary>
internal static class KindMeasurement
{
    private static readonly DateTimeOffset IngestedAt = new(SampleOptions.DefaultEnd.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The progress steps of one <see cref="Measure"/>: generate, ingest, compute and the two bare reads.</summary>
    public const int Steps = 5;

    public static KindBench Measure(ExportKind kind, int rows, int orderCustomers, StepProgress progress, DuckDbResources? resources = null)
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

            // The compute reads the curated Parquet, not the CSV: its own baseline is the same GROUP BY over that file.
            progress.Step($"{slug}: bare DuckDB read_parquet of the curated file with the same GROUP BY");
            watch.Restart();
            var curatedCount = DuckDbParquetBaseline(kind, CuratedFiles.FromFolder(curated).Of(kind));
            var parquetMs = watch.ElapsedMilliseconds;
            if (curatedCount != written)
            {
                throw new InvalidOperationException($"DuckDB counted {curatedCount} curated rows of {slug} where {written} were written.");
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
                parquetMs,
                duckDbMs > 0 ? Math.Round(ingestMs / (double)duckDbMs, 1) : null,
                parquetMs > 0 ? Math.Round(computeMs / (double)parquetMs, 1) : null,
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
    public static long DuckDbBaseline(ExportKind kind, string file) =>
        MonthlyCount($"CAST({EventColumn(kind)} AS TIMESTAMP)", $"read_csv({DuckDbSession.Literal(file)})");

    /// <summary>The same monthly count over the kind's curated Parquet files, which the compute reads.</summary>
    public static long DuckDbParquetBaseline(ExportKind kind, IReadOnlyList<string> files) =>
        MonthlyCount(DuckDbSession.Identifier(EventColumn(kind)), $"read_parquet({DuckDbSession.List(files)})");

    private static long MonthlyCount(string time, string source)
    {
        using var db = new DuckDbSession();
        return db.Rows($"SELECT date_trunc('month', {time}) AS month, count(*) AS n FROM {source} GROUP BY 1", r => r.GetInt64(1)).Sum();
    }

    private static string EventColumn(ExportKind kind) =>
        ExportSchemas.For(kind).EventColumn ?? throw new InvalidOperationException($"{kind.ToSlug()} has no event time.");
}
