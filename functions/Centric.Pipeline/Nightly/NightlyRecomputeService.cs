using Centric.Pipeline.Compute;
using Centric.Storage.Datasets;
using Centric.Storage.Partials;
using Centric.Storage.Queues;

namespace Centric.Pipeline.Nightly;

/// <summary>
/// NightlyRecompute: queues a recompute of every dataset as of today (UTC), so P(alive), trailing windows and churn by
/// inactivity move with time even when no file arrives; and deletes partials no merge will read any more
/// (<see cref="OrphanedAfter"/>).
/// </summary>
public sealed class NightlyRecomputeService(DatasetRegistry datasets, WorkQueues queues, PartialStore partials, ComputeFanout fanout, TimeProvider time)
{
    /// <summary>
    /// How old the newest partial of a fanned-out generation must be before the nightly deletes them: twice the
    /// longest a merge keeps looking (<see cref="ComputeFanout.MergeDelay"/> × <see cref="ComputeFanout.MergeAttempts"/>),
    /// and at least an hour.
    /// </summary>
    public TimeSpan OrphanedAfter => TimeSpan.FromTicks(Math.Max(TimeSpan.FromHours(1).Ticks, 2 * fanout.MergeDelay.Ticks * fanout.MergeAttempts));

    /// <summary>The datasets queued, the as-of date they were queued with and the orphaned generations' partials deleted.</summary>
    public async Task<(int Datasets, DateOnly AsOf, int SweptGenerations)> QueueAllAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var all = await datasets.ListAsync(cancellationToken);
        foreach (var dataset in all)
        {
            await queues.SendAsync(new RecomputeMessage(dataset.RowKey, today, "nightly"), cancellationToken);
        }

        // Housekeeping after every recompute is queued: a sweep that fails cannot hold back another dataset's numbers.
        var swept = 0;
        foreach (var dataset in all)
        {
            swept += (await partials.SweepAsync(dataset.RowKey, now - OrphanedAfter, cancellationToken)).Count;
        }

        return (all.Count, today, swept);
    }
}
