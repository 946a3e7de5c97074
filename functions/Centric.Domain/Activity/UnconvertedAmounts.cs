namespace Centric.Domain.Activity;

/// <summary>
/// Amounts of one customer on one day, in <see cref="Currency"/>, that could not be converted to the reporting currency
/// (no fx rate on or before the day): <see cref="Count"/> valid orders and credits.
/// </summary>
public readonly record struct UnconvertedAmounts(int Customer, DateOnly Day, string Currency, int Count);
