namespace Centric.Engine.Clv;

/// <summary>Customers of one CLV tier (null: no tier) whose P(alive) falls in histogram bin <see cref="Bin"/>.</summary>
public sealed record PAliveCount(int Bin, string? Tier, int Customers);
