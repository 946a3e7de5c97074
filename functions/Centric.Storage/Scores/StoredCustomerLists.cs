using Centric.Domain.Families.CustomerLists;

namespace Centric.Storage.Scores;

/// <summary>
/// The stored form of a generation's customer lists: one entry per metric, grain and period holding its customers,
/// with empty fields left out, so the blob stays a few bytes per listed customer. Stored lists are read through these
/// records; they are written by <see cref="CustomerListsJson"/> to the same JSON without building them, and
/// <see cref="From"/> stays as the reference that writer is held to.
/// </summary>
internal sealed record StoredCustomerLists(IReadOnlyDictionary<string, IReadOnlyList<string>> Segments, IReadOnlyList<StoredCustomerList> Lists)
{
    public static StoredCustomerLists From(CustomerListSet set) => new(
        set.Segments,
        [.. set.Rows.GroupBy(r => (r.Metric, r.Grain, r.Period, r.PeriodStart))
            .Select(g => new StoredCustomerList(
                g.Key.Metric, g.Key.Grain, g.Key.Period, g.Key.PeriodStart,
                [.. g.Select(r => new StoredListedCustomer(r.CustomerId, r.Day, r.MrrBefore, r.MrrAfter, r.Movement, r.Subscriptions))]))]);

    /// <summary>
    /// The lists as a set whose rows are a <see cref="CustomerListTable"/>: a served generation holds its lists for as
    /// long as it is current, and at 3M orders they list about 7M customers, some 200 bytes each as records against 12
    /// as the table's entries (each id kept once).
    /// </summary>
    public CustomerListSet ToSet()
    {
        var table = new CustomerListTable();
        foreach (var list in Lists)
        {
            foreach (var c in list.Customers)
            {
                table.Add(list.Metric, list.Grain, list.Period, list.PeriodStart, c.CustomerId, c.Day, c.MrrBefore, c.MrrAfter, c.Movement, c.Subscriptions);
            }
        }

        return new CustomerListSet(table, Segments);
    }
}

internal sealed record StoredCustomerList(string Metric, string Grain, string Period, DateOnly PeriodStart, IReadOnlyList<StoredListedCustomer> Customers);

internal sealed record StoredListedCustomer(
    string CustomerId, DateOnly? Day, decimal? MrrBefore, decimal? MrrAfter, decimal? Movement, IReadOnlyList<string>? Subscriptions);
