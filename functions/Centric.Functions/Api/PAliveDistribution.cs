namespace Centric.Functions.Api;

/// <summary>
/// <c>GET /api/datasets/{dataset}/clv/p-alive</c>: how the current generation's customers spread over P(alive), in
/// <see cref="PAliveBin"/>s of equal width, each split by CLV tier.
/// </summary>
public sealed record PAliveDistribution(string Dataset, string Generation, DateOnly AsOf, int Customers, IReadOnlyList<PAliveBin> Bins);

/// <summary>Customers whose P(alive) is in [<see cref="From"/>, <see cref="To"/>) (the last bin includes 1), in total and per CLV tier.</summary>
public sealed record PAliveBin(double From, double To, int Customers, IReadOnlyDictionary<string, int> Tiers);
