namespace Centric.Domain.Clv;

/// <summary>One valid order: who bought, on which calendar day, and for how much (reporting currency).</summary>
public readonly record struct Transaction(string CustomerId, DateOnly Day, decimal Amount);
