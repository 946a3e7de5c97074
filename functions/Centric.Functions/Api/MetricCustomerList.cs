namespace Centric.Functions.Api;

/// <summary>
/// <c>GET /api/datasets/{dataset}/metrics/{metric}/customers</c>: the customers behind one period's value of a count
/// or an MRR movement. <see cref="Total"/> is the list's count (counts) or the sum of its movements (MRR), and equals
/// <see cref="Value"/>, the metric's snapshot value for the same period and segment.
/// </summary>
public sealed record MetricCustomerList(
    string Dataset,
    string Metric,
    string Grain,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string Segment,
    string Generation,
    DateOnly AsOf,
    decimal? Value,
    decimal Total,
    int Count,
    IReadOnlyList<MetricCustomer> Customers);

/// <summary>
/// One customer of a list: for counts the day that put it in the list; for MRR movements its MRR on s − 1 and on
/// e − 1, the signed movement and the subscriptions active on either day.
/// </summary>
public sealed record MetricCustomer(
    string CustomerId,
    DateOnly? Day,
    decimal? MrrBefore,
    decimal? MrrAfter,
    decimal? Movement,
    IReadOnlyList<string>? Subscriptions);
