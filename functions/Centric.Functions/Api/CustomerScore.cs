namespace Centric.Functions.Api;

/// <summary><c>GET /api/datasets/{dataset}/customers/{customerId}</c>: predicted CLV, P(alive), expected purchases and tier.</summary>
public sealed record CustomerScore(
    string Dataset,
    string CustomerId,
    decimal? Clv,
    double? PAlive,
    double? ExpectedPurchases,
    decimal? ExpectedSpend,
    string? Segment,
    string? Tier,
    CustomerSummary Summary,
    string Generation,
    DateOnly AsOf,
    string? Currency);
