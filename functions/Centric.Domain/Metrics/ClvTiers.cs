using Centric.Domain.Clv;

namespace Centric.Domain.Metrics;

/// <summary>
/// CLV tiers (docs/metrics.md): customers ranked by predicted CLV (by expected purchases when there is no spend model);
/// the top 20 % are <c>high</c>, the next 30 % <c>mid</c>, the rest <c>low</c>. Ties are broken by customer id so the
/// split is reproducible. Customers without a prediction get no tier.
/// </summary>
public static class ClvTiers
{
    public const string High = "high";
    public const string Mid = "mid";
    public const string Low = "low";
    public const string Attribute = "clv-tier";

    public static IReadOnlyDictionary<string, string> Assign(IReadOnlyList<CustomerScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var useClv = scores.Any(s => s.Clv is not null);
        var ranked = scores
            .Where(s => useClv ? s.Clv is not null : s.ExpectedPurchases is not null)
            .OrderByDescending(s => useClv ? (double)s.Clv!.Value : s.ExpectedPurchases!.Value)
            .ThenBy(s => s.CustomerId, StringComparer.Ordinal)
            .ToArray();
        var high = (int)Math.Round(ranked.Length * 0.2, MidpointRounding.AwayFromZero);
        var mid = (int)Math.Round(ranked.Length * 0.5, MidpointRounding.AwayFromZero);
        var tiers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ranked.Length; i++)
        {
            tiers[ranked[i].CustomerId] = i < high ? High : i < mid ? Mid : Low;
        }

        return tiers;
    }
}
