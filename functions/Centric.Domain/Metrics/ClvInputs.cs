using Centric.Domain.Activity;
using Centric.Domain.Clv;
using Centric.Domain.Datasets;

namespace Centric.Domain.Metrics;

/// <summary>
/// Every customer's purchase days up to the as-of date, the models fitted on them at the as-of date and the CLV tier of
/// every scored customer. Shared by the families: tiers are a segment of every metric.
/// </summary>
/// <param name="FirstPurchase">The first day with a valid order up to the as-of date (whatever its amount); null when
/// there is none. The per-period fits start from it and the holdout check sizes its window with it.</param>
/// <param name="Fit">The models fitted at the as-of date.</param>
/// <param name="Tiers">Every scored customer's CLV tier, by customer id.</param>
public sealed record ClvInputs(DateOnly? FirstPurchase, ClvFit Fit, IReadOnlyDictionary<string, string> Tiers)
{
    private PurchaseHistory? _history;

    /// <summary>
    /// Every customer's purchase days: the one the as-of fit summarised, kept so that the per-period fits and the
    /// holdout check summarise it too instead of grouping the orders again.
    /// </summary>
    public required PurchaseHistory History
    {
        get => _history ?? throw new InvalidOperationException(
            "The CLV purchase history was let go after the last metric family that declares it reads it (IMetricFamily.ReadsPurchaseHistory).");
        init => _history = value;
    }

    /// <summary>Fits the dataset's CLV models on its purchase days up to <paramref name="asOf"/>.</summary>
    public static ClvInputs FitAt(LoadedOrders orders, DateOnly asOf, ClvSettings settings)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var days = orders.Days as CustomerDays ?? new CustomerDays(orders.Days);
        var history = PurchaseHistory.From(days, orders.CustomerIds, asOf);
        var fit = ClvFitter.FitAt(history, asOf, settings);
        return new ClvInputs(FirstPurchaseDay(days, asOf), fit, ClvTiers.Assign(fit.Scores)) { History = history };
    }

    /// <summary>
    /// This fit without its purchase history (a column of days and one of spend per purchase day), for the families
    /// computed after the last one that reads it: reading it again is an error naming the declaration.
    /// </summary>
    public ClvInputs WithoutHistory() => this with { _history = null };

    private static DateOnly? FirstPurchaseDay(CustomerDays days, DateOnly asOf)
    {
        var (cutoff, first) = (asOf.DayNumber, int.MaxValue);
        for (var r = 0; r < days.Count; r++)
        {
            if (days.ValidOrdersAt(r) > 0 && days.DayAt(r) <= cutoff && days.DayAt(r) < first)
            {
                first = days.DayAt(r);
            }
        }

        return first == int.MaxValue ? null : DateOnly.FromDayNumber(first);
    }
}
