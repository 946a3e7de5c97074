using System.Diagnostics;
using System.Globalization;
using Centric.Domain.Datasets;
using Centric.Domain.Families.Fanout;
using Centric.Engine.Compute;
using Centric.Engine.DuckDb;
using Centric.Engine.Settings;
using Centric.Pipeline.Configuration;
using Centric.Storage.Curated;
using Centric.Storage.Datasets;
using Centric.Storage.Exports;
using Centric.Storage.Ingestions;
using Centric.Storage.Partials;
using Centric.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace Centric.Pipeline.Compute;

/// <summary>
/// The steps of a dataset computed by fanning out over the <c>recompute</c> queue (<see cref="ComputeFanout"/>): the
/// plan that names the generation and queues its steps, one partition's partial sums, and the merge that combines them
/// and publishes. The partitions and the merge run side by side, outside the dataset's compute lock; the merge
/// publishes through the same conditional pointer write as the single run.
/// </summary>
internal sealed class FannedOutCompute(
    ExportsStore exports,
    CuratedStore curated,
    IngestionLedger ledger,
    DatasetRegistry datasets,
    WorkQueues queues,
    TimeProvider time,
    ILogger logger,
    PartialStore partials,
    ComputeFanout fanout,
    GenerationPublisher publisher,
    DuckDbResources? resources)
{
    /// <summary>
    /// Names the generation and queues its steps: one message per partition, and the merge, delayed so the partitions
    /// are likely done by the time it looks. Every step carries the input it must see and the as-of floor.
    /// </summary>
    public async Task FanOutAsync(
        RecomputeMessage message, int count, long rowCount, string watermark, DateOnly? notBefore, DateTimeOffset startedAt,
        CancellationToken cancellationToken)
    {
        var generation = Generations.CloudId(time.GetUtcNow());
        var step = message with
        {
            Generation = generation, Partitions = count, Watermark = watermark, NotBefore = notBefore, StartedAt = startedAt,
        };
        for (var k = 0; k < count; k++)
        {
            await queues.SendAsync(step with { Partition = k }, cancellationToken);
        }

        await queues.SendAsync(step with { Merge = true, MergeAttempt = 1 }, fanout.MergeDelay, cancellationToken);
        PipelineLog.FannedOut(logger, message.Dataset, rowCount, count, generation);
    }

    /// <summary>
    /// One partition: its customers' partial sums, written to the generation's partial blob. Delivered again, it
    /// writes the same blob with the same content. A partition for input older than the ledger now holds does nothing.
    /// </summary>
    public async Task<string?> PartitionAsync(RecomputeMessage message, string generation, Stopwatch watch, CancellationToken cancellationToken)
    {
        var dataset = message.Dataset;
        var (partition, count) = Step(message);
        var watermark = ComputeService.Watermark(await ledger.ListAsync(dataset, cancellationToken));
        if (watermark != message.Watermark)
        {
            PipelineLog.FanoutStale(logger, dataset, generation);
            return null;
        }

        var part = new CustomerPartition(partition, count);
        var result = await InFolderAsync(dataset, (files, settings, stop) =>
            DatasetComputer.ComputePartition(files, settings, part, message.AsOf, message.NotBefore, stop, resources), cancellationToken);
        await partials.WriteAsync(dataset, generation, new PartialFile(partition, count, watermark, result.Value.AsOf, result.Value.Partials), cancellationToken);
        PipelineLog.PartitionWritten(logger, dataset, partition, count, generation, result.Value.Partials.Count, watch.ElapsedMilliseconds);
        return null;
    }

    /// <summary>
    /// The merge: once every partial of the generation exists, computes what does not split by customer over the whole
    /// data, merges the partial sums, and publishes as the single run does. Before that it queues itself again after
    /// <see cref="ComputeFanout.MergeDelay"/>, at most <see cref="ComputeFanout.MergeAttempts"/> times; delivered again
    /// after publishing, it does nothing.
    /// </summary>
    public async Task<string?> MergeAsync(
        RecomputeMessage message, string generation, DateTimeOffset startedAt, Stopwatch watch, CancellationToken cancellationToken)
    {
        var dataset = message.Dataset;
        var (_, count) = Step(message);
        if (await datasets.GetAsync(dataset, cancellationToken) is { } record
            && (record.CurrentGeneration == generation || record.PreviousGeneration == generation))
        {
            PipelineLog.AlreadyPublished(logger, dataset, generation);
            return null;
        }

        var watermark = ComputeService.Watermark(await ledger.ListAsync(dataset, cancellationToken));
        if (watermark != message.Watermark)
        {
            PipelineLog.FanoutStale(logger, dataset, generation);
            await partials.DeleteAsync(dataset, generation, cancellationToken);
            return null;
        }

        var written = await partials.WrittenAsync(dataset, generation, count, cancellationToken);
        if (written.Count < count)
        {
            var attempt = message.MergeAttempt ?? 1;
            if (attempt >= fanout.MergeAttempts)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"Dataset {dataset}: generation {generation} has {written.Count} of {count} partials after {attempt} looks, {fanout.MergeDelay.TotalSeconds} s apart (missing: {string.Join(", ", Enumerable.Range(0, count).Where(k => !written.Contains(k)))})."));
            }

            PipelineLog.MergeWaiting(logger, dataset, generation, written.Count, count, fanout.MergeDelay.TotalSeconds, attempt);
            await queues.SendAsync(message with { MergeAttempt = attempt + 1 }, fanout.MergeDelay, cancellationToken);
            return null;
        }

        var files = new List<PartialFile>(count);
        for (var k = 0; k < count; k++)
        {
            files.Add(await partials.ReadAsync(dataset, generation, k, count, cancellationToken));
        }

        var computed = await InFolderAsync(dataset, (curatedFiles, settings, stop) =>
            DatasetComputer.ComputeMerged(curatedFiles, settings, [.. files.SelectMany(f => f.Values)], message.AsOf, message.NotBefore, stop, resources),
            cancellationToken);
        var result = computed.Value;
        if (files.FirstOrDefault(f => f.AsOf != result.AsOf || f.Watermark != watermark) is { } differs)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Dataset {dataset}: partition {differs.Partition} of generation {generation} computed as of {differs.AsOf} from input {differs.Watermark}, the merge as of {result.AsOf} from {watermark}."));
        }

        string? published = null;
        if (result.AsOf is null)
        {
            PipelineLog.NothingToCompute(logger, dataset);
        }
        else
        {
            published = await publisher.WriteAndPublishAsync(
                dataset, generation, time.GetUtcNow(), result, computed.Configuration, computed.Lineage, watermark, message.StartedAt ?? startedAt,
                watch, cancellationToken);
        }

        await partials.DeleteAsync(dataset, generation, cancellationToken);
        return published;
    }

    private static (int Partition, int Count) Step(RecomputeMessage message) =>
        message.Partitions is { } count and >= 1 and <= ComputeFanout.MaxPartitions
        && (message.Merge == true || message.Partition is { } k && k >= 0 && k < count)
            ? (message.Partition ?? 0, count)
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"The recompute message for generation {message.Generation} names partition {message.Partition} of {message.Partitions}: expected 0 ≤ partition < partitions ≤ {ComputeFanout.MaxPartitions}."));

    /// <summary>Runs the engine on the dataset's curated files and configuration in a temporary folder, within the deadline.</summary>
    private async Task<(T Value, DatasetConfiguration Configuration, IReadOnlyList<string> Lineage)> InFolderAsync<T>(
        string dataset, Func<CuratedFiles, DatasetSettings, IProgress<string>, T> compute, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("centric-compute-").FullName;
        Task<T>? computing = null;
        try
        {
            var lineage = await curated.DownloadDatasetAsync(dataset, folder, cancellationToken);
            var configuration = await DatasetConfigurations.ReadAsync(exports, dataset, cancellationToken);
            computing = Task.Run(
                () => compute(CuratedFiles.FromFolder(folder), configuration.Settings, new StopWhenCancelled(cancellationToken)),
                CancellationToken.None);
            return (await computing.WaitAsync(cancellationToken), configuration, [.. lineage]);
        }
        finally
        {
            if (computing is null || computing.IsCompleted)
            {
                Directory.Delete(folder, recursive: true);
            }
            else
            {
                _ = computing.ContinueWith(_ => Directory.Delete(folder, recursive: true), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }
    }
}
