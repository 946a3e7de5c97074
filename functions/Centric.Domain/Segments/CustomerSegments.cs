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
        // Customers that share their attributes' keys (one list, as the loader gives them) and a tier share the
        // extended list too, rather than one copy per customer.
        var extended = new Dictionary<(IReadOnlyList<string> Keys, string Tier), IReadOnlyList<string>>(ByReference.Instance);
        foreach (var (customer, tier) in tiers ?? new Dictionary<string, string>())
        {
            var keys = _byCustomer.GetValueOrDefault(customer) ?? [];
            if (!extended.TryGetValue((keys, tier), out var withTier))
            {
                extended[(keys, tier)] = withTier = [.. keys, SegmentKeys.Of(tierAttribute, tier)];
            }

            _byCustomer[customer] = withTier;
        }
    }

    public static CustomerSegments Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), null, "");

    /// <summary>Per customer id, its segment keys.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ByCustomer => _byCustomer;

    /// <summary>The segment keys of <paramref name="customerId"/>; none for a missing id or an unknown customer.</summary>
    public IReadOnlyList<string> Of(string? customerId) =>
        customerId is not null && _byCustomer.TryGetValue(customerId, out var keys) ? keys : [];

    /// <summary>Keys lists compared by reference, tiers by value.</summary>
    private sealed class ByReference : IEqualityComparer<(IReadOnlyList<string> Keys, string Tier)>
    {
        public static ByReference Instance { get; } = new();

        public bool Equals((IReadOnlyList<string> Keys, string Tier) x, (IReadOnlyList<string> Keys, string Tier) y) =>
            ReferenceEquals(x.Keys, y.Keys) && string.Equals(x.Tier, y.Tier, StringComparison.Ordinal);

        public int GetHashCode((IReadOnlyList<string> Keys, string Tier) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Keys), StringComparer.Ordinal.GetHashCode(obj.Tier));
    }
}
