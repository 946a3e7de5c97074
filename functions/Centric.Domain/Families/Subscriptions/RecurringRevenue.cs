using Centric.Domain.Activity;

namespace Centric.Domain.Families.Subscriptions;

/// <summary>
/// Each customer's MRR on a day in the reporting currency: the sum of the MRR of its subscriptions active that day,
/// converted at that day's rate (the latest on or before it). A subscription whose currency has no rate on or before
/// the day is not added: it is reported as an <see cref="UnconvertedAmounts"/> so the money metrics it feeds become
/// unknown rather than short. Customers are numbered like the rest of the compute (0..Count − 1).
/// </summary>
public sealed class RecurringRevenue
{
    private readonly IReadOnlyList<Subscription[]> _byCustomer;
    private readonly FxRates _rates;

    internal RecurringRevenue(IReadOnlyList<Subscription[]> byCustomer, FxRates rates, string reportingCurrency)
    {
        _byCustomer = byCustomer;
        _rates = rates;
        ReportingCurrency = reportingCurrency;
    }

    public string ReportingCurrency { get; }

    public int Count => _byCustomer.Count;

    /// <summary>Customer <paramref name="customer"/>'s subscriptions, as exported.</summary>
    public IReadOnlyList<Subscription> Of(int customer) => _byCustomer[customer];

    /// <summary>
    /// The customer's MRR on <paramref name="day"/> from the subscriptions that converted; each one that did not is added
    /// to <paramref name="unconverted"/>.
    /// </summary>
    public decimal MrrOn(int customer, DateOnly day, List<UnconvertedAmounts> unconverted)
    {
        ArgumentNullException.ThrowIfNull(unconverted);
        var total = 0m;
        foreach (var s in _byCustomer[customer])
        {
            if (!s.IsActiveOn(day))
            {
                continue;
            }

            if (_rates.Convert(s.Mrr, s.Currency, ReportingCurrency, day) is { } converted)
            {
                total += converted;
            }
            else
            {
                unconverted.Add(new UnconvertedAmounts(customer, day, s.Currency!.ToUpperInvariant(), 1));
            }
        }

        return total;
    }
}
