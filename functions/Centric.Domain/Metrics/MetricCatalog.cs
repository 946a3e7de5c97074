namespace Centric.Domain.Metrics;

/// <summary>Every metric Centric computes, with its definition text and version.</summary>
public static class MetricCatalog
{
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(MetricIds.ActiveCustomers, "Active customers", MetricUnit.Count,
            "Customers active on the last day of the period (e − 1), or on the as-of date for the partial period. " +
            "Orders model: active on d when a purchase day q has q ≤ d < q + inactivityDays.", 1, []),
        new(MetricIds.NewCustomers, "New customers", MetricUnit.Count,
            "Customers whose first purchase day is in the period.", 1, []),
        new(MetricIds.ReactivatedCustomers, "Reactivated customers", MetricUnit.Count,
            "Customers with a purchase day in the period that found them inactive the day before, other than their first (each counted once).", 1, []),
        new(MetricIds.ChurnedCustomers, "Churned customers", MetricUnit.Count,
            "Customers with a churn day in the period (q + inactivityDays with no purchase in (q, q + inactivityDays]); churn days after the as-of date are unknown.", 1, []),
        new(MetricIds.ChurnRate, "Churn rate", MetricUnit.Percent,
            "Churned customers in the period ÷ denominator × 100. average: mean over the period's days of active customers; " +
            "start: churn of customers active on s − 1 ÷ active on s − 1; start-plus-new: churned ÷ (active on s − 1 + new in the period).",
            1, ChurnPresets.All),
        new(MetricIds.Revenue, "Revenue", MetricUnit.Currency,
            "Sum of the amounts of valid orders (not cancelled or refunded, amount ≥ 0) and credits (negative amounts) in the period, in the reporting currency.", 1, []),
        new(MetricIds.Orders, "Orders", MetricUnit.Count,
            "Valid orders in the period: status other than cancelled or refunded, amount ≥ 0.", 1, []),
        new(MetricIds.Aov, "Average order value", MetricUnit.Currency,
            "Revenue in the period ÷ valid orders in the period.", 1, []),
        new(MetricIds.RetentionRate, "Retention rate", MetricUnit.Percent,
            "Customers active on both s − 1 and e − 1 ÷ customers active on s − 1 × 100.", 1, []),
        new(MetricIds.PurchaseFrequency, "Purchase frequency", MetricUnit.Ratio,
            "Valid orders in the period ÷ customers with a purchase day in the period.", 1, []),
        new(MetricIds.Arpa, "Average revenue per account", MetricUnit.Currency,
            "Orders model: revenue in the period ÷ mean over the period's days of active customers.", 1, []),
        new(MetricIds.LoyaltyRate, "Loyalty rate", MetricUnit.Percent,
            "Customers with a purchase day in the period whose first purchase day is before the period ÷ customers with a purchase day in the period × 100.", 1, []),
        new(MetricIds.ClvSimple, "Customer lifetime value (simple)", MetricUnit.Currency,
            "Over the trailing 12 months ending with the period: AOV × (valid orders ÷ customers with a purchase) × expected lifetime in years, " +
            "where expected lifetime = 1 ÷ churn rate (average) over the same 12 months. Numerator: revenue ÷ customers with a purchase; " +
            "denominator: churn as a fraction. Null when churn is 0.", 1, []),
        new(MetricIds.ClvPredicted, "Customer lifetime value (predicted)", MetricUnit.Currency,
            "Mean over customers with a purchase by e − 1 of the expected discounted value over clv.horizonMonths: BG/NBD (or Pareto/NBD) " +
            "for purchases and Gamma-Gamma for spend, fitted on the data up to e − 1 (the as-of date for the partial period), " +
            "discounted monthly at clv.monthlyDiscountRate. Numerator: total; denominator: customers scored.", 1, []),
        new(MetricIds.ClvPredictedTotal, "Customer lifetime value (predicted, total)", MetricUnit.Currency,
            "Sum over customers of the predicted discounted value over the horizon (see clv-predicted).", 1, []),
        new(MetricIds.PAlive, "Probability alive (mean)", MetricUnit.Ratio,
            "Mean over customers of the fitted model's probability that the customer is still active at e − 1.", 1, []),
        new(MetricIds.ExpectedPurchases, "Expected purchases (mean)", MetricUnit.Ratio,
            "Mean over customers of the purchases the fitted model expects over the horizon (undiscounted).", 1, []),
    ];

    private static readonly Dictionary<string, MetricDefinition> ById =
        All.ToDictionary(m => m.Id, StringComparer.Ordinal);

    public static MetricDefinition? Find(string id) => ById.GetValueOrDefault(id);
}
