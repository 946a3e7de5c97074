namespace Centric.Storage.Queues;

/// <summary>
/// Recompute a dataset (queue <c>recompute</c>). <see cref="AsOf"/> fixes the as-of date (the nightly run passes
/// today); null means the latest event day in the data.
/// </summary>
public sealed record RecomputeMessage(string Dataset, DateOnly? AsOf = null, string? Reason = null);
