using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Centric.Domain.Exports;
using Centric.Domain.Families.Fanout;
using Centric.Engine.Compute;
using Centric.Domain.Datasets;
using Centric.Engine.DuckDb;
using Centric.Engine.Settings;
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
                ? await MergeAsync(message, fannedOut, startedAt, watch, cancellationToken)
                : await PartitionAsync(message, fannedOut, watch, cancellationToken);
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
            await FanOutAsync(message, count, rowCount, watermark, before?.AsOfDate, startedAt, cancellationToken);
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

                return await WriteAndPublishAsync(
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

    /// <summary>
    /// Writes a computed generation's rows (unless <paramref name="rowsWritten"/>: streamed while it computed), scores,
    /// cohorts and lists (unless <paramref name="listsWritten"/>: being written beside, and awaited here), then publishes
    /// it; the generation or null. Publishing always comes after every blob of the generation is complete.
    /// </summary>
    private async Task<string?> WriteAndPublishAsync(
        string dataset, string generation, DateTimeOffset computedAt, ComputeResult result, DatasetConfiguration configuration,
        IReadOnlyList<string> lineage, string watermark, DateTimeOffset startedAt, Stopwatch watch, CancellationToken cancellationToken,
        bool rowsWritten = false, Task? listsWritten = null)
    {
        var asOf = result.AsOf!.Value;
        var rowCount = result.Values.Count;
        if (!rowsWritten)
        {
            await snapshots.WriteAsync(dataset, generation, Generations.Rows(result, dataset, generation, computedAt), cancellationToken);
        }

        await scores.WriteAsync(dataset, generation, result.Scores, cancellationToken);
        await scores.WriteCohortsAsync(dataset, generation, result.Cohorts, cancellationToken);
        await (listsWritten ?? scores.WriteCustomerListsAsync(dataset, generation, result.CustomerLists, cancellationToken));

        var warnings = configuration.Problems.Concat(result.Warnings).ToArray();
        foreach (var warning in warnings)
        {
            PipelineLog.ComputeWarning(logger, dataset, warning);
        }

        var asOfText = Format(asOf);
        var published = await PublishAsync(dataset, generation, watermark, asOfText, startedAt, record =>
        {
            record.AsOf = asOfText;
            record.ComputedAt = computedAt;
            record.Lineage = string.Join(',', lineage);
            record.Customers = result.Customers;
            record.Orders = result.Orders;
            record.Rows = rowCount;
            record.Kinds = string.Join(',', result.Kinds.Select(k => k.ToSlug()));
            record.Families = string.Join(',', result.Families);
            record.ChurnPreset = configuration.Settings.ChurnPreset;
            record.ReportingCurrency = result.ReportingCurrency;
            record.Clv = result.Clv is null ? null : JsonSerializer.Serialize(result.Clv, ReportJson);
            record.Warnings = warnings.Length == 0 ? null : string.Join('\n', warnings);
        }, cancellationToken);
        if (published)
        {
            PipelineLog.Computed(
                logger, dataset, generation, asOfText, rowCount, result.Families.Count == 0 ? "none" : string.Join(", ", result.Families),
                result.Customers, result.Orders, watch.ElapsedMilliseconds);
        }

        return published ? generation : null;
    }

    /// <summary>
    /// Names the generation and queues its steps: one message per partition, and the merge, delayed so the partitions
    /// are likely done by the time it looks. Every step carries the input it must see and the as-of floor.
    /// </summary>
    private async Task FanOutAsync(
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
    private async Task<string?> PartitionAsync(RecomputeMessage message, string generation, Stopwatch watch, CancellationToken cancellationToken)
    {
        var dataset = message.Dataset;
        var (partition, count) = Step(message);
        var watermark = Watermark(await ledger.ListAsync(dataset, cancellationToken));
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
    private async Task<string?> MergeAsync(
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

        var watermark = Watermark(await ledger.ListAsync(dataset, cancellationToken));
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
            published = await WriteAndPublishAsync(
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

    /// <summary>Stops the engine at its next step once <paramref name="token"/> is cancelled.</summary>
    private sealed class StopWhenCancelled(CancellationToken token) : IProgress<string>
    {
        public void Report(string value) => token.ThrowIfCancellationRequested();
    }

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

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

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<bool> PublishAsync(
        string dataset, string generation, string watermark, string asOf, DateTimeOffset startedAt, Action<DatasetRecord> describe,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var record = await datasets.GetAsync(dataset, cancellationToken) ?? new DatasetRecord { RowKey = dataset };
            if (record.CurrentGeneration == generation)
            {
                // Published by another delivery of the same merge: already done, and its rows must stay.
                return false;
            }

            var newer = string.CompareOrdinal(record.InputWatermark ?? "", watermark) > 0;

            // Recomputes queued together (one per ingestion) see the same input: the first to publish wins, and the
            // others would only change the ETag BI tools refresh on.
            var same = record.CurrentGeneration is not null && record.InputWatermark == watermark && record.AsOf == asOf
                && record.ComputedAt >= startedAt;
            if (newer || same)
            {
                PipelineLog.Discarded(logger, dataset, generation, record.CurrentGeneration ?? "");
                await snapshots.DeleteGenerationAsync(dataset, generation, cancellationToken);
                await scores.DeleteAsync(dataset, generation, cancellationToken);
                return false;
            }

            var retired = record.PreviousGeneration;
            record.PreviousGeneration = record.CurrentGeneration;
            record.CurrentGeneration = generation;
            record.InputWatermark = watermark;
            describe(record);
            if (await datasets.TryReplaceAsync(record, cancellationToken))
            {
                if (retired is not null && retired != generation)
                {
                    await snapshots.DeleteGenerationAsync(dataset, retired, cancellationToken);
                    await scores.DeleteAsync(dataset, retired, cancellationToken);
                }

                return true;
            }
        }

        throw new InvalidOperationException($"Dataset {dataset}: could not publish generation {generation} after 10 attempts.");
    }
}

/// <summary>What a recompute message came to.</summary>
/// <param name="Generation">The generation published, if any.</param>
/// <param name="WasDeferred">Another compute of the dataset was running: the message was queued again.</param>
/// <param name="SettlingFor">Exports of the dataset were still arriving: queued again to run after this long.</param>
public sealed record ComputeOutcome(string? Generation, bool WasDeferred, TimeSpan? SettlingFor = null)
{
    public static ComputeOutcome Deferred { get; } = new(null, true);
}
