using Centric.Domain.Segments;

namespace Centric.Domain.Families.CustomerLists;

/// <summary>
/// Every customer list of a computation, listed for the <c>*</c> segment, and each listed customer's segment keys, so
/// the list of any segment is the rows of the customers in it — the same keys that cut the metric's value.
/// </summary>
public sealed record CustomerListSet(IReadOnlyList<CustomerListRow> Rows, IReadOnlyDictionary<string, IReadOnlyList<string>> Segments)
{
    public static CustomerListSet Empty { get; } = new([], new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The rows of one metric, grain and period label for <paramref name="segment"/> (<c>*</c> or <c>attribute:value</c>).</summary>
    public IEnumerable<CustomerListRow> Select(string metric, string grain, string period, string segment) =>
        Rows.Where(r => r.Metric == metric && r.Grain == grain && r.Period == period && IsIn(r.CustomerId, segment));

    /// <summary>Whether <paramref name="customerId"/> is listed for <paramref name="segment"/>: always for <c>*</c>, else when it has that key.</summary>
    public bool IsIn(string customerId, string segment) =>
        segment == SegmentKeys.All || (Segments.TryGetValue(customerId, out var keys) && keys.Contains(segment, StringComparer.Ordinal));
}
