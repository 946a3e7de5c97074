namespace Centric.Domain.Clv;

/// <summary>
/// Receives <see cref="ClvCalculator"/>'s scores one customer at a time, in input order, so that a caller who only adds
/// them up (per-period totals) need not hold a <see cref="CustomerScore"/> per customer.
/// </summary>
internal interface IClvScoreSink
{
    /// <summary>The score of the customer at <paramref name="index"/> of the scored summaries; null where undefined.</summary>
    void Add(int index, double? pAlive, double? expectedPurchases, decimal? expectedSpend, decimal? clv);
}
