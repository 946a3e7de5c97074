namespace Centric.Domain.Families.CustomerLists;

/// <summary>
/// One customer behind a count or an MRR movement of one period of one grain. A count row carries the
/// <see cref="Day"/> that put the customer in the list (first purchase, reactivating purchase, churn day, or the
/// period's last day e − 1 for active customers); an MRR row carries the customer's MRR on s − 1 and on e − 1 (the
/// as-of date for the partial period), the signed <see cref="Movement"/> and the ids of the subscriptions active on
/// either day.
/// </summary>
public sealed record CustomerListRow(
    string Metric,
    string Grain,
    string Period,
    DateOnly PeriodStart,
    string CustomerId,
    DateOnly? Day = null,
    decimal? MrrBefore = null,
    decimal? MrrAfter = null,
    decimal? Movement = null,
    IReadOnlyList<string>? Subscriptions = null);
