using Centric.Domain.Activity;
using Centric.Domain.Clv;
using Centric.Domain.Datasets;

namespace Centric.Domain.Metrics;

/// <summary>
/// The purchases up to the as-of date as CLV transactions, the models fitted on them at the as-of date and the CLV tier
/// of every scored customer. Shared by the families: tiers are a segment of every metric.
/// </summary>
public sealed record ClvInputs(IReadOnlyList<Transaction> Transactions, ClvFit Fit, IReadOnlyDictionary<string, string> Tiers)
{
    private PurchaseHistory? _history;

    /// <summary>
    /// Every customer's purchase days from <see cref="Transactions"/>: the one the as-of fit summarised, kept so that the
    /// per-period fits and the holdout check summarise it too instead of grouping the log again (built on first use
    /// when not given).
    /// </summary>
    public PurchaseHistory History
    {
        get => _history ??= PurchaseHistory.From(Transactions);
        init => _history = value;
    }

    /// <summary>Fits the dataset's CLV models on its purchase days up to <paramref name="asOf"/>.</summary>
    public static ClvInputs FitAt(LoadedOrders orders, DateOnly asOf, ClvSettings settings)
    {
        ArgumentNullException.ThrowIfNull(orders);
        // The transactions are read from the customer-days' columns rather than copied beside them.
        var days = orders.Days as CustomerDays ?? new CustomerDays(orders.Days);
        var transactions = new PurchaseTransactions(days, orders.CustomerIds, asOf);
        // Every transaction is on or before the as-of date, so this is the history the fit at that date reads.
        var history = PurchaseHistory.From(days, orders.CustomerIds, asOf);
        var fit = ClvFitter.FitAt(history, asOf, settings);
        return new ClvInputs(transactions, fit, ClvTiers.Assign(fit.Scores)) { History = history };
    }

    /// <summary>
    /// This fit without the purchases it was made from, for the families computed after the last one that reads them:
    /// the purchase history built from them goes too (a copy made by <c>with</c> would otherwise keep it, a decimal
    /// spend per purchase day), and reading it again fails as reading the transactions does.
    /// </summary>
    public ClvInputs WithoutTransactions() => this with { Transactions = new ReleasedRows<Transaction>("CLV transactions"), _history = null };
}
