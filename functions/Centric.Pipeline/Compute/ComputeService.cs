using System.Diagnostics;
using System.Globalization;
using Centric.Engine.Compute;
using Centric.Engine.DuckDb;
using Centric.Storage.Curated;
using Centric.Storage.Datasets;
using Centric.Storage.Exports;
using Centric.Storage.Ingestions;
using Centric.Storage.Partials;
using Centric.Pipeline.Configuration;
using Centric.Storage.Queues;
using Centric.Storage.Scores;
using Centric.Storage.Snapshots;
using Microsoft.Extensions.Logging;

namespace Centric.Pipeline.Compute;

/// <summary>
/// ComputeMetrics: computes every metric of a dataset from its curated files into a new snapshot generation, then
/// moves the dataset's pointer to it with an ETag-conditional update. A computation that saw older input than the
/// published generation is discarded, so a slow, stale recompute never replaces a newer one. A compute stops by itself
/// just before the function timeout (<see cref="FunctionLimits.Deadline"/>); that and any other failure is recorded on
/// the dataset (when it started, how long it ran, why, which delivery) before it is rethrown for the host to retry the
/// message and, after the last delivery, move it to the poison queue. One compute of a dataset runs at a time
/// (<see cref="ComputeLocks"/>).
/// A dataset with more rows than <see cref="ComputeFanout.PartitionRows"/> is computed by fanning out over the same
/// queue instead: one message per customer partition writes its partial sums, and one merge message combines them and
/// publishes the generation once all exist (<see cref="ComputeFanout"/>); those run side by side, outside the lock.
/// This type decides which path a message takes and runs the single compute; the fan-out's steps are
/// <see cref="FannedOutCompute"/>, and the end both share, writing the blobs and moving the pointer, is
/// <see cref="GenerationPublisher"/>.
/// </summary>
public sealed class ComputeService(
    ExportsStore exports,
    CuratedStore curated,
    IngestionLedger ledger,
    SnapshotStore snapshots,
    ScoresStore scores,
    DatasetRegistry datasets,
    ComputeLocks locks,
    WorkQueues queues,
    TimeProvider time,
    FunctionLimits limits,
    ILogger<ComputeService> logger,
    PartialStore partials,
    ComputeFanout fanout,
    DuckDbResources? resources = null,
    RecomputeSettle? settle = null)
{
    private readonly RecomputeSettle _settle = settle ?? RecomputeSettle.None;
    private GenerationPublisher Publisher => field ??= new(
        snapshots, scores, datasets, new GenerationSweep(snapshots, scores, partials, datasets, time, limits, logger), logger);
    private FannedOutCompute FannedOut => field ??= new(exports, curated, ledger, datasets, queues, time, logger, partials, fanout, Publisher, resources);

    /// <summary>How long a recompute waits before it is tried again while another compute of its dataset runs.</summary>
    public static readonly TimeSpan RetryWhileLocked = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The generation published; or none, when the dataset was already up to date, lost the race, or another compute of
    /// it was running (then the message is queued again after <see cref="RetryWhileLocked"/>).
    /// </summary>
    /// <param name="message">The dataset to compute, and as of when.</param>
    /// <param name="dequeueCount">Which delivery of the queue message this is (1 = first).</param>
    /// <param name="cancellationToken">The invocation's: the host gave up or is stopping.</param>
    public async Task<ComputeOutcome> ComputeAsync(RecomputeMessage message, int dequeueCount = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        using var timer = new CancellationTokenSource(limits.Deadline, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await ComputeWithinAsync(message, startedAt, deadline.Token, cancellationToken);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested || time.GetElapsedTime(started) >= limits.Deadline)
        {
            var reason = $"exceeded the function timeout of {limits.DescribeTimeout()}";
            await RecordFailureAsync(message.Dataset, startedAt, time.GetElapsedTime(started), reason, dequeueCount);
            throw new TimeoutException($"Dataset {message.Dataset}: the compute {reason}.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RecordFailureAsync(message.Dataset, startedAt, time.GetElapsedTime(started), $"{e.GetType().Name}: {e.Message}", dequeueCount);
            throw;
        }
    }

    /// <param name="message">The dataset to compute, and as of when.</param>
    /// <param name="startedAt">When the invocation started.</param>
    /// <param name="cancellationToken">The invocation's token joined with the deadline: the compute stops at either.</param>
    /// <param name="invocation">
    /// The invocation's own token for taking the lock: the lease is taken whole or not at all, not cut off by the deadline
    /// between storage granting it and the answer arriving.
    /// </param>
    private async Task<ComputeOutcome> ComputeWithinAsync(
        RecomputeMessage message, DateTimeOffset startedAt, CancellationToken cancellationToken, CancellationToken invocation)
    {
        if (message.Generation is not null)
        {
            // A partition or the merge of a fanned-out generation: the partitions run side by side by design, and the
            // merge publishes through the conditional pointer write.
            return new ComputeOutcome(await ComputeLockedAsync(message, startedAt, cancellationToken), false);
        }

        // Exports still arriving: computing now would publish a generation without the ones still on their way.
        if (await SettlingAsync(message.Dataset, invocation) is { } wait)
        {
            await queues.SendAsync(message, wait, invocation);
            PipelineLog.Settling(logger, message.Dataset, (long)wait.TotalSeconds);
            return new ComputeOutcome(null, false, wait);
        }

        // Every ingestion queues a recompute, so exports that land together queue several at once: one computes, the
        // others come back once it is done and find the dataset up to date.
        await using var held = await locks.TryAcquireAsync(message.Dataset, invocation);
        if (held is null)
        {
            await queues.SendAsync(message, RetryWhileLocked, invocation);
            PipelineLog.Deferred(logger, message.Dataset, (long)RetryWhileLocked.TotalSeconds);
            return ComputeOutcome.Deferred;
        }

        return new ComputeOutcome(await ComputeLockedAsync(message, startedAt, cancellationToken), false);
    }

    /// <summary>
    /// How much longer a recompute of <paramref name="dataset"/> waits for exports still arriving: the rest of the
    /// settle after its last ingestion, or a whole settle while one of its exports is queued but not yet ingested
    /// (queued less than <see cref="RecomputeSettle.QueuedAtMost"/> ago); null to compute now.
    /// </summary>
    private async Task<TimeSpan?> SettlingAsync(string dataset, CancellationToken cancellationToken)
    {
        if (_settle.Delay <= TimeSpan.Zero)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (_settle.Remaining((await datasets.GetAsync(dataset, cancellationToken))?.LastIngestionAt, now) is { } wait)
        {
            return wait;
        }

        var entries = await ledger.ListAsync(dataset, cancellationToken);
        return entries.Any(e => e.Status == IngestionStatuses.Queued && now - e.QueuedAt < RecomputeSettle.QueuedAtMost)
            ? TimeSpan.FromSeconds(Math.Ceiling(_settle.Delay.TotalSeconds))
            : null;
    }

    private async Task<string?> ComputeLockedAsync(RecomputeMessage message, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var dataset = message.Dataset;
        if (message.Generation is { } fannedOut)
        {
            return message.Merge == true
                ? await FannedOut.MergeAsync(message, fannedOut, startedAt, watch, cancellationToken)
                : await FannedOut.PartitionAsync(message, fannedOut, watch, cancellationToken);
        }

        var ledgerEntries = await ledger.ListAsync(dataset, cancellationToken);
        var watermark = Watermark(ledgerEntries);
        var before = await datasets.GetAsync(dataset, cancellationToken);
        if (before?.CurrentGeneration is { } current && before.InputWatermark == watermark
            && (message.AsOf is null || before.AsOf == Format(message.AsOf.Value)))
        {
            PipelineLog.UpToDate(logger, dataset, current);
            return null;
        }

        var rowCount = Rows(ledgerEntries);
        if (fanout.PartitionsFor(rowCount) is var count and > 0)
        {
            await FannedOut.FanOutAsync(message, count, rowCount, watermark, before?.AsOfDate, startedAt, cancellationToken);
            return null;
        }

        var folder = Directory.CreateTempSubdirectory("centric-compute-").FullName;
        Task<ComputeResult>? computing = null;
        try
        {
            var lineage = await curated.DownloadDatasetAsync(dataset, folder, cancellationToken);
            var configuration = await DatasetConfigurations.ReadAsync(exports, dataset, cancellationToken);
            // Without an explicit date (the nightly run passes today), the as-of date never moves back: the later of the
            // data's last event day and the published as-of date.
            // The generation is named before the compute so each family's rows are written while the next one computes.
            var named = time.GetUtcNow();
            var generation = Generations.CloudId(named);
            await using var streamed = new StreamedSnapshotRows(snapshots, dataset, generation, named, cancellationToken);

            // The engine is synchronous: it runs beside this invocation and stops at its next step once the deadline passes.
            computing = Task.Run(
                () => DatasetComputer.Compute(
                    CuratedFiles.FromFolder(folder), configuration.Settings, message.AsOf, notBefore: before?.AsOfDate,
                    resources: resources, progress: new StopWhenCancelled(cancellationToken), familyComputed: streamed.Add),
                CancellationToken.None);
            var result = await computing.WaitAsync(cancellationToken);
            if (result.AsOf is null)
            {
                // Nothing to compute yet (e.g. settings arrived before any export with events): publish no empty generation.
                PipelineLog.NothingToCompute(logger, dataset);
                return null;
            }

            var computedAt = time.GetUtcNow();

            // The lists are the largest blob (a row for every active customer in every period) and depend on nothing
            // else: they are written beside the last snapshot rows, scores and cohorts, and awaited before publishing.
            var listsWritten = Task.Run(
                () => scores.WriteCustomerListsAsync(dataset, generation, result.CustomerLists, cancellationToken), CancellationToken.None);
            try
            {
                var written = await streamed.CompleteAsync();
                if (written != result.Values.Count)
                {
                    throw new InvalidOperationException(
                        $"Dataset {dataset}: {written} snapshot rows were written while computing, but the compute gave {result.Values.Count}.");
                }

                return await Publisher.WriteAndPublishAsync(
                    dataset, generation, computedAt, result, configuration, lineage, watermark, startedAt, watch, cancellationToken,
                    rowsWritten: true, listsWritten: listsWritten);
            }
            catch when (!listsWritten.IsCompleted)
            {
                // Failing: the lists' write is waited for (it ends by itself, or at the deadline with the token; its own
                // failure is secondary) so nothing of this generation is still being written once the failure is recorded.
                await Task.WhenAny(listsWritten);
                _ = listsWritten.Exception;
                throw;
            }
        }
        finally
        {
            if (computing is null || computing.IsCompleted)
            {
                Directory.Delete(folder, recursive: true);
            }
            else
            {
                // Abandoned at the deadline: its files go once it has stopped.
                _ = computing.ContinueWith(_ => Directory.Delete(folder, recursive: true), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }
    }

    /// <summary>The rows a computation reads: every current ingestion's accepted rows (superseded and duplicate ones are not read).</summary>
    internal static long Rows(IEnumerable<IngestionRecord> ledgerEntries) =>
        ledgerEntries.Where(r => r.Status is IngestionStatuses.Succeeded or IngestionStatuses.SucceededWithRejects).Sum(r => r.Accepted);

    /// <summary>
    /// Records a failed compute on the dataset, saying what becomes of its message. Storage that fails here is logged:
    /// the failure itself still reaches the host.
    /// </summary>
    private async Task RecordFailureAsync(string dataset, DateTimeOffset startedAt, TimeSpan ran, string reason, int dequeueCount)
    {
        var fate = dequeueCount >= limits.MaxDequeueCount
            ? string.Create(CultureInfo.InvariantCulture, $"delivery {dequeueCount} of {limits.MaxDequeueCount}: the message is moved to the poison queue")
            : string.Create(CultureInfo.InvariantCulture, $"delivery {dequeueCount} of {limits.MaxDequeueCount}: the message is retried");
        PipelineLog.ComputeFailed(logger, dataset, reason, fate, (long)ran.TotalMilliseconds);
        try
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30), time);
            await datasets.RecordComputeFailureAsync(dataset, startedAt, ran, $"{reason}; {fate}", dequeueCount, bound.Token);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException or InvalidOperationException or HttpRequestException or AggregateException)
        {
            PipelineLog.ComputeFailureNotRecorded(logger, e, dataset);
        }
    }

    /// <summary>
    /// What input a computation saw: the latest completion among finished ledger entries and how many there are.
    /// Ordinal order is time order, so a larger watermark means newer input.
    /// </summary>
    internal static string Watermark(IEnumerable<IngestionRecord> ledgerEntries)
    {
        var done = ledgerEntries.Where(r => IngestionStatuses.IsDone(r.Status)).ToArray();
        var latest = done.Select(r => r.CompletedAt ?? r.QueuedAt).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        return latest.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)
            + "|" + done.Length.ToString("D8", CultureInfo.InvariantCulture);
    }

    /// <summary>An as-of date as the dataset's record keeps it, so a recompute can tell whether it is already published.</summary>
    internal static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
