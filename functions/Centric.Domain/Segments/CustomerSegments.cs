namespace Centric.Domain.Segments;

/// <summary>
/// Each customer's segment keys besides <c>*</c>: the customer attributes from the customers export
/// (<c>country:ES</c>, ...) followed by the CLV tier (<c>clv-tier:high</c>). Any event carrying a customer_id is cut by
/// them; an event without one, or of a customer with no attributes, counts in <c>*</c> only.
/// </summary>
public sealed class CustomerSegments
{
    private readonly Dictionary<string, IReadOnlyList<string>> _byCustomer;

    public CustomerSegments(
        IReadOnlyDictionary<string, IReadOnlyList<string>> attributes, IReadOnlyDictionary<string, string>? tiers, string tierAttribute)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        _byCustomer = new Dictionary<string, IReadOnlyList<string>>(attributes, StringComparer.Ordinal);
        foreach (var (customer, tier) in tiers ?? new Dictionary<string, string>())
        {
            _byCustomer[customer] = [.. _byCustomer.GetValueOrDefault(customer) ?? [], SegmentKeys.Of(tierAttribute, tier)];
        }
    }

    public static CustomerSegments Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), null, "");

    /// <summary>Per customer id, its segment keys.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ByCustomer => _byCustomer;

    /// <summary>The segment keys of <paramref name="customerId"/>; none for a missing id or an unknown customer.</summary>
    public IReadOnlyList<string> Of(string? customerId) =>
        customerId is not null && _byCustomer.TryGetValue(customerId, out var keys) ? keys : [];
}
