using Azure;
using Centric.Engine.Compute;
using Centric.Storage.Datasets;
using Centric.Storage.Partials;
using Centric.Storage.Scores;
using Centric.Storage.Snapshots;
using Microsoft.Extensions.Logging;

namespace Centric.Pipeline.Compute;

/// <summary>
/// Deletes the rows and blobs of a dataset's abandoned generations once a newer one is published. A compute streams its
/// rows into the table and writes its scores, cohorts and customer lists before it publishes; one that loses the
/// publish deletes them, and publishing retires the generation before the previous, but a compute that is killed (its
/// process, the deadline, a storage fault) leaves them behind, and nothing else would ever read or delete them.
/// </summary>
/// <remarks>
/// <para>
/// A generation is swept only when it can no longer be written nor published:
/// </para>
/// <list type="bullet">
/// <item>it is neither the dataset's current nor its previous generation, read after the listing (so a generation
/// published meanwhile is seen as such), and its name is older than the one just published;</item>
/// <item>it was named more than <see cref="FunctionLimits.FunctionTimeout"/> (and a minute for the clocks of different
/// instances) ago. A single compute names its generation after it starts, under the dataset's compute lease, and
/// writes nothing after its deadline: the streamed rows' writer and every later write stop with the compute's token.
/// One compute of a dataset at a time (<see cref="ComputeLocks"/>) means a newer generation was named after the older
/// one's compute had ended or lost its lease; the deadline bounds even a compute that lost its lease and still runs,
/// so none can write into a generation this old;</item>
/// <item>it has no partials. A fanned-out generation is written and published by its merge, outside the lease and
/// possibly long after it was named; the merge deletes the partials only once it has published or discarded the
/// generation, so while they exist the merge may still write it. Partials no merge will read again are deleted by the
/// nightly (<see cref="Nightly.NightlyRecomputeService.OrphanedAfter"/>), and the generation is swept at the publish
/// after that.</item>
/// </list>
/// <para>
/// The sweep is housekeeping: a failure is logged and never fails the publish, and whatever it left is found again by
/// the next publish of the dataset (every night at the latest, as the nightly recompute moves the as-of date).
/// </para>
/// </remarks>
internal sealed class GenerationSweep(
    SnapshotStore snapshots, ScoresStore scores, PartialStore partials, DatasetRegistry datasets, TimeProvider time, FunctionLimits limits, ILogger logger)
{
    /// <summary>How long after it was named a generation may still be written by the compute that named it, with room for clocks.</summary>
    public TimeSpan WrittenWithin => limits.FunctionTimeout + TimeSpan.FromMinutes(1);

    /// <summary>Deletes the dataset's abandoned generations older than <paramref name="published"/>; the ones deleted.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(string dataset, string published, CancellationToken cancellationToken = default)
    {
        try
        {
            var abandoned = await AbandonedAsync(dataset, published, cancellationToken);
            foreach (var generation in abandoned)
            {
                await snapshots.DeleteGenerationAsync(dataset, generation, cancellationToken);
                await scores.DeleteAsync(dataset, generation, cancellationToken);
            }

            if (abandoned.Count > 0)
            {
                var names = string.Join(", ", abandoned);
                PipelineLog.GenerationsSwept(logger, dataset, abandoned.Count, published, names);
            }

            return abandoned;
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException or IOException)
        {
            PipelineLog.GenerationSweepFailed(logger, e, dataset, published);
            return [];
        }
    }

    private async Task<IReadOnlyList<string>> AbandonedAsync(string dataset, string published, CancellationToken cancellationToken)
    {
        var written = new SortedSet<string>(await snapshots.ListGenerationsAsync(dataset, cancellationToken), StringComparer.Ordinal);
        written.UnionWith(await scores.ListGenerationsAsync(dataset, cancellationToken));
        var fannedOut = await partials.ListGenerationsAsync(dataset, cancellationToken);

        // Read after the listing: a generation published before the listing saw it is current or previous here.
        var record = await datasets.GetAsync(dataset, cancellationToken);
        var namedBefore = time.GetUtcNow() - WrittenWithin;
        return [.. written.Where(g =>
            string.CompareOrdinal(g, published) < 0
            && g != record?.CurrentGeneration && g != record?.PreviousGeneration
            && Generations.CloudTime(g) is { } named && named < namedBefore
            && !fannedOut.Contains(g))];
    }
}
