using System.Text.Json;
using System.Text.Json.Serialization;
using Centric.Domain.Families.CustomerLists;

namespace Centric.Storage.Tests;

/// <summary>
/// The records the customer lists were stored as, and the serializer options they were written and read with: the
/// reference the writer (<c>CustomerListsJson</c>) and the reader (<c>CustomerListsReader</c>) are held to, by the
/// serializer alone, independently of the compact table both go through.
/// </summary>
internal sealed record StoredCustomerLists(IReadOnlyDictionary<string, IReadOnlyList<string>> Segments, IReadOnlyList<StoredCustomerList> Lists)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static StoredCustomerLists From(CustomerListSet set) => new(
        set.Segments,
        [.. set.Rows.GroupBy(r => (r.Metric, r.Grain, r.Period, r.PeriodStart))
            .Select(g => new StoredCustomerList(
                g.Key.Metric, g.Key.Grain, g.Key.Period, g.Key.PeriodStart,
                [.. g.Select(r => new StoredListedCustomer(r.CustomerId, r.Day, r.MrrBefore, r.MrrAfter, r.Movement, r.Subscriptions))]))]);

    /// <summary>The stored JSON deserialised into the records, as the store read it before.</summary>
    public static StoredCustomerLists Read(byte[] json) => JsonSerializer.Deserialize<StoredCustomerLists>(json, Json)!;

    /// <summary>The rows the records list, list by list, in the order they are stored.</summary>
    public IReadOnlyList<CustomerListRow> Rows() =>
    [
        .. Lists.SelectMany(l => l.Customers.Select(c => new CustomerListRow(
            l.Metric, l.Grain, l.Period, l.PeriodStart, c.CustomerId, c.Day, c.MrrBefore, c.MrrAfter, c.Movement, c.Subscriptions))),
    ];
}

internal sealed record StoredCustomerList(string Metric, string Grain, string Period, DateOnly PeriodStart, IReadOnlyList<StoredListedCustomer> Customers);

internal sealed record StoredListedCustomer(
    string CustomerId, DateOnly? Day, decimal? MrrBefore, decimal? MrrAfter, decimal? Movement, IReadOnlyList<string>? Subscriptions);
