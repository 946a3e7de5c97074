namespace Centric.Domain.Activity;

/// <summary>
/// Orders reduced to customer-days in <see cref="ReportingCurrency"/> (the one settings name, else the data's single
/// currency, else EUR). <see cref="Unconverted"/> lists amounts that could not be converted (no rate for their currency
/// on or before their day): they still make purchase days, and they make the money metrics they feed unknown.
/// </summary>
public sealed record LoadedOrders(
    IReadOnlyList<string> CustomerIds,
    IReadOnlyList<CustomerDay> Days,
    long Orders,
    IReadOnlyList<UnconvertedAmounts> Unconverted,
    DateOnly? LastDay,
    string ReportingCurrency)
{
    /// <summary>The number of amounts that could not be converted.</summary>
    public long UnconvertedCount => Unconverted.Sum(u => (long)u.Count);

    /// <summary>These orders without their customer-days, for the families computed after the last one that reads them.</summary>
    public LoadedOrders WithoutDays() => this with { Days = new ReleasedRows<CustomerDay>("orders' customer-days") };
}
