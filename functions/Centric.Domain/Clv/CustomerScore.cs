namespace Centric.Domain.Clv;

/// <summary>A customer's predictions at the calibration end; null where a number is undefined.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="PAlive">Probability the customer is still active.</param>
/// <param name="ExpectedPurchases">Expected purchases over the horizon (undiscounted).</param>
/// <param name="ExpectedSpend">Gamma-Gamma expected spend per purchase; null without a spend model.</param>
/// <param name="Clv">Discounted expected value over the horizon; null without a spend model.</param>
public sealed record CustomerScore(
    string CustomerId,
    double? PAlive,
    double? ExpectedPurchases,
    decimal? ExpectedSpend,
    decimal? Clv);
