namespace Centric.Storage.Queues;

/// <summary>
/// Recompute a dataset (queue <c>recompute</c>). <see cref="AsOf"/> fixes the as-of date (the nightly run passes
/// today); null means the latest event day in the data.
/// </summary>
/// <remarks>
/// A dataset computed by partition sends more messages on the same queue, each naming the <see cref="Generation"/> it
/// belongs to and the input it must see (<see cref="Watermark"/>): a partition (<see cref="Partition"/> of
/// <see cref="Partitions"/>) writes its partial sums; the merge (<see cref="Merge"/>, attempt <see cref="MergeAttempt"/>)
/// combines all of them and publishes the generation. <see cref="NotBefore"/> is the as-of floor every step uses and
/// <see cref="StartedAt"/> when the compute began.
/// </remarks>
public sealed record RecomputeMessage(string Dataset, DateOnly? AsOf = null, string? Reason = null)
{
    public string? Generation { get; init; }

    public int? Partition { get; init; }

    public int? Partitions { get; init; }

    public bool? Merge { get; init; }

    public int? MergeAttempt { get; init; }

    public string? Watermark { get; init; }

    public DateOnly? NotBefore { get; init; }

    public DateTimeOffset? StartedAt { get; init; }
}
