using Centric.Storage.Datasets;
using Centric.Storage.Queues;

namespace Centric.Pipeline.Nightly;

/// <summary>
/// NightlyRecompute: queues a recompute of every dataset as of today (UTC), so P(alive), trailing windows and churn by
/// inactivity move with time even when no file arrives.
/// </summary>
public sealed class NightlyRecomputeService(DatasetRegistry datasets, WorkQueues queues, TimeProvider time)
{
    /// <summary>The datasets queued and the as-of date they were queued with.</summary>
    public async Task<(int Datasets, DateOnly AsOf)> QueueAllAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var all = await datasets.ListAsync(cancellationToken);
        foreach (var dataset in all)
        {
            await queues.SendAsync(new RecomputeMessage(dataset.RowKey, today, "nightly"), cancellationToken);
        }

        return (all.Count, today);
    }
}
