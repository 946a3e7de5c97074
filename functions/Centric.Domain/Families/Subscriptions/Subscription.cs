namespace Centric.Domain.Families.Subscriptions;

/// <summary>
/// One subscription, its MRR in the reporting currency per day: active on d when <see cref="Start"/> ≤ d &lt;
/// <see cref="End"/> (an open end is null) and the MRR is above 0. An end on or before the start is never active.
/// </summary>
public sealed record Subscription(string Id, string CustomerId, DateOnly Start, DateOnly? End, decimal Mrr, string? Currency)
{
    public bool IsActiveOn(DateOnly day) => Mrr > 0 && day >= Start && (End is not { } end || day < end);
}
