namespace Centric.Engine.Clv;

/// <summary>
/// One customer's predictive CLV at the as-of date: the RFM summary it was scored from (time unit of the fit) and
/// the predictions over the dataset's horizon. Null where undefined (no fitted model, no spend model).
/// <see cref="Tier"/> is <c>high</c> (top 20 % by CLV), <c>mid</c> (next 30 %) or <c>low</c>.
/// </summary>
public sealed record CustomerScoreRow(
    string CustomerId,
    int Frequency,
    double Recency,
    double Age,
    decimal MonetaryValue,
    double? PAlive,
    double? ExpectedPurchases,
    decimal? ExpectedSpend,
    decimal? Clv,
    string? Tier);
