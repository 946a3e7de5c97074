using System.Globalization;
using Centric.Cli.Arguments;
using Centric.Cli.Output;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Domain.Families.Fanout;
using Centric.Engine.Compute;
using Centric.Engine.Ingestion;
using Centric.Engine.Local;

namespace Centric.Cli.Commands;

/// <summary>
/// <c>centric compute</c>: ingests a local exports folder as the cloud pipeline ingests a dataset's drops, computes
/// every metric and writes the snapshot rows, the ingestion ledger, the rejects and the CLV scores to a folder.
/// </summary>
internal static class ComputeCommand
{
    private static readonly string[] Options = ["exports", "settings", "as-of", "out", "partitions"];

    /// <summary>The most customer partitions <c>--partitions</c> takes, as the fan-out in the cloud.</summary>
    private const int MaxPartitions = 64;
    private static readonly string[] Flags = ["profile"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        var parsed = CommandArguments.Parse(args, Options, Flags, out var usageError);
        if (parsed is null || parsed.Value("exports") is not { } exports || parsed.Value("out") is not { } output)
        {
            stderr.WriteLine($"centric compute: {usageError ?? "--exports and --out are required."}");
            stderr.WriteLine("usage:");
            stderr.WriteLine(Usage.Compute);
            return CentricCli.Unusable;
        }

        DateOnly? asOf = null;
        if (parsed.Value("as-of") is { } asOfText)
        {
            if (!OptionValues.TryParse(asOfText, out var day))
            {
                return Fail(stderr, $"--as-of '{asOfText}' is not a date (YYYY-MM-DD).");
            }

            asOf = day;
        }

        int? partitions = null;
        if (parsed.Value("partitions") is { } partitionsText)
        {
            if (!int.TryParse(partitionsText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxPartitions)
            {
                return Fail(stderr, $"--partitions '{partitionsText}' is not a whole number from 1 to {MaxPartitions}.");
            }

            if (parsed.Flag("profile"))
            {
                return Fail(stderr, "--profile times the single run; leave out --partitions to profile.");
            }

            partitions = count;
        }

        if (!Directory.Exists(exports))
        {
            return Fail(stderr, $"the exports folder '{exports}' does not exist.");
        }

        if (DatasetInputs.Read(exports, parsed.Value("settings"), out var problem) is not { } configuration)
        {
            return Fail(stderr, problem!);
        }

        var files = ExportFolder.Find(exports);
        if (files.Count == 0)
        {
            return Fail(stderr, $"no export files (.csv, .tsv, .txt, .xlsx) in '{exports}'.");
        }

        var dataset = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(exports)));
        var computedAt = Truncate(time.GetUtcNow());
        var work = Directory.CreateTempSubdirectory("centric-compute-");
        try
        {
            var curatedRoot = Path.Combine(work.FullName, "curated");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var progress = StepProgress.For(stderr, "centric compute", files.Count + 2 + (partitions ?? 0));
            var ingestions = FolderIngestion.Ingest(
                files, configuration, curatedRoot, Path.Combine(work.FullName, "rejects"), computedAt,
                new Reporter<ExportFile>(file => progress.Step($"reading {file.RelativePath}")));
            if (ingestions.All(i => i.Result.Status == IngestionStatus.Failed))
            {
                progress.Finish();
                stderr.WriteLine($"centric compute: no usable export file in '{exports}':");
                foreach (var ingestion in ingestions)
                {
                    stderr.WriteLine($"  {ingestion.File.RelativePath}: {ingestion.Result.Message}");
                }

                return CentricCli.Unusable;
            }

            var ingestMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            List<ComputeStep>? profile = parsed.Flag("profile") ? [] : null;
            var curated = CuratedFiles.FromFolder(curatedRoot);
            var detail = new Reporter<string>(what => progress.Detail(what));
            ComputeResult result;
            if (partitions is { } count)
            {
                result = ComputeByPartition(curated, configuration.Settings, asOf, count, progress, detail);
            }
            else
            {
                progress.Step("computing");
                result = DatasetComputer.Compute(curated, configuration.Settings, asOf, progress: detail, profile: profile);
            }

            var generation = Generations.LocalId(computedAt);
            var rows = Generations.Rows(result, dataset, generation, computedAt);
            progress.Step($"writing {Path.GetFullPath(output)}");
            var writing = System.Diagnostics.Stopwatch.GetTimestamp();
            ComputeOutputs.Write(output, rows, ingestions, result);
            var writeMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(writing).TotalMilliseconds;
            progress.Finish();

            foreach (var ingestion in ingestions.Where(i => i.Result.Status == IngestionStatus.Failed))
            {
                stderr.WriteLine($"centric compute: warning: {ingestion.File.RelativePath} was not used: {ingestion.Result.Message}");
            }

            foreach (var warning in result.Warnings)
            {
                stderr.WriteLine($"centric compute: warning: {warning}");
            }

            if (profile is not null)
            {
                ProfileLines.Write(stderr, "centric compute", ingestMs, profile, writeMs);
            }

            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{dataset}: {ingestions.Count} files, {ingestions.Sum(i => i.Result.Accepted)} rows accepted, {ingestions.Sum(i => i.Result.Rejected)} rejected; {rows.Count} snapshot rows as of {result.AsOf ?? asOf ?? DateOnly.FromDateTime(computedAt.UtcDateTime):yyyy-MM-dd} ({generation}) from {Describe(result)} in {Path.GetFullPath(output)}"));
            return CentricCli.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"a file could not be read or written: {e.Message}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The compute as the cloud fans a large dataset out: each customer partition's partial sums of the families that
    /// split by customer, one after the other, then the merge that computes the rest and adds the partial sums up. The
    /// rows are the single run's; computing both and comparing them checks that on any dataset.
    /// </summary>
    private static ComputeResult ComputeByPartition(
        CuratedFiles files, DatasetSettings settings, DateOnly? asOf, int count, StepProgress progress, IProgress<string> detail)
    {
        var partials = new List<PartialValue>();
        DateOnly? partitionsAsOf = null;
        for (var k = 0; k < count; k++)
        {
            progress.Step(string.Create(CultureInfo.InvariantCulture, $"computing customer partition {k + 1} of {count}"));
            var partition = DatasetComputer.ComputePartition(files, settings, new CustomerPartition(k, count), asOf, progress: detail);
            if (k > 0 && partition.AsOf != partitionsAsOf)
            {
                throw new InvalidOperationException($"Partition {k + 1} computed as of {partition.AsOf}, partition 1 as of {partitionsAsOf}.");
            }

            partitionsAsOf = partition.AsOf;
            partials.AddRange(partition.Partials);
        }

        progress.Step(string.Create(CultureInfo.InvariantCulture, $"merging the {count} partitions' partial sums and computing the rest"));
        var merged = DatasetComputer.ComputeMerged(files, settings, partials, asOf, progress: detail);
        return merged.AsOf == partitionsAsOf
            ? merged
            : throw new InvalidOperationException($"The partitions computed as of {partitionsAsOf}, the merge as of {merged.AsOf}.");
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"centric compute: {message}");
        return CentricCli.Unusable;
    }

    private static DateTimeOffset Truncate(DateTimeOffset now) =>
        new(now.UtcDateTime.Ticks - (now.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string Describe(ComputeResult result) =>
        result.Families.Count == 0
            ? $"no metric family ({(result.Kinds.Count == 0 ? "no export" : string.Join(", ", result.Kinds.Select(k => k.ToSlug())))} computes none yet)"
            : $"{string.Join(", ", result.Families)}";
}
