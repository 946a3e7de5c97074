using Centric.Domain.Exports;
using Centric.Domain.Families.CustomerLists;
using Centric.Domain.Metrics;
using Centric.Domain.Time;

namespace Centric.Domain.Families.Orders;

/// <summary>
/// The customer base and revenue of the orders model: active, new, reactivated and churned customers, churn rate in
/// three presets, retention, revenue, orders, AOV, purchase frequency, ARPA, loyalty and simple CLV.
/// </summary>
public sealed class OrdersFamily : IMetricFamily
{
    public const string ActiveCustomers = "active-customers";
    public const string NewCustomers = "new-customers";
    public const string ReactivatedCustomers = "reactivated-customers";
    public const string ChurnedCustomers = "churned-customers";
    public const string ChurnRate = "churn-rate";
    public const string Revenue = "revenue";
    public const string Orders = "orders";
    public const string Aov = "aov";
    public const string RetentionRate = "retention-rate";
    public const string PurchaseFrequency = "purchase-frequency";
    public const string Arpa = "arpa";
    public const string LoyaltyRate = "loyalty-rate";
    public const string ClvSimple = "clv-simple";

    public static IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new(ActiveCustomers, "Active customers", MetricUnit.Count,
            "Customers active on the last day of the period (e − 1), or on the as-of date for the partial period. " +
            "Orders model: active on d when a purchase day q has q ≤ d < q + inactivityDays.", 1, []),
        new(NewCustomers, "New customers", MetricUnit.Count,
            "Customers whose first purchase day is in the period.", 1, []),
        new(ReactivatedCustomers, "Reactivated customers", MetricUnit.Count,
            "Customers with a purchase day in the period that found them inactive the day before, other than their first (each counted once).", 1, []),
        new(ChurnedCustomers, "Churned customers", MetricUnit.Count,
            "Customers with a churn day in the period (q + inactivityDays with no purchase in (q, q + inactivityDays]); churn days after the as-of date are unknown.", 1, []),
        new(ChurnRate, "Churn rate", MetricUnit.Percent,
            "Churned customers in the period ÷ denominator × 100. average: mean over the period's days of active customers; " +
            "start: churn of customers active on s − 1 ÷ active on s − 1; start-plus-new: churned ÷ (active on s − 1 + new in the period).",
            1, ChurnPresets.All),
        new(Revenue, "Revenue", MetricUnit.Currency,
            "Sum of the amounts of valid orders (not cancelled or refunded, amount ≥ 0) and credits (negative amounts) in the period, in the reporting currency.", 1, []),
        new(Orders, "Orders", MetricUnit.Count,
            "Valid orders in the period: status other than cancelled or refunded, amount ≥ 0.", 1, []),
        new(Aov, "Average order value", MetricUnit.Currency,
            "Revenue in the period ÷ valid orders in the period.", 1, []),
        new(RetentionRate, "Retention rate", MetricUnit.Percent,
            "Customers active on both s − 1 and e − 1 ÷ customers active on s − 1 × 100.", 1, []),
        new(PurchaseFrequency, "Purchase frequency", MetricUnit.Ratio,
            "Valid orders in the period ÷ customers with a purchase day in the period.", 1, []),
        new(Arpa, "Average revenue per account", MetricUnit.Currency,
            "Orders model: revenue in the period ÷ mean over the period's days of active customers.", 1, []),
        new(LoyaltyRate, "Loyalty rate", MetricUnit.Percent,
            "Customers with a purchase day in the period whose first purchase day is before the period ÷ customers with a purchase day in the period × 100.", 1, []),
        new(ClvSimple, "Customer lifetime value (simple)", MetricUnit.Currency,
            "Over the trailing 12 months ending with the period: AOV × (valid orders ÷ customers with a purchase) × expected lifetime in years, " +
            "where expected lifetime = 1 ÷ churn rate (average) over the same 12 months. Numerator: revenue ÷ customers with a purchase; " +
            "denominator: churn as a fraction. Null when churn is 0.", 1, []),
    ];

    public string Name => "orders";

    public IReadOnlyList<MetricDefinition> Definitions => Metrics;

    public IReadOnlyList<ExportKind> Reads { get; } = [ExportKind.Orders];

    public void Compute(FamilyContext context, FamilyOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var orders = context.Orders;
        var input = new OrdersMetricsInput(
            orders.CustomerIds.Count, orders.Days, [.. orders.CustomerIds.Select(context.Segments.Of)], orders.Unconverted, orders.ReportingCurrency);
        output.Add(new OrdersMetricsCalculator(context.Calendar, context.Settings.InactivityDays).Compute(
            input,
            context.AsOf,
            context.Grains,
            entry => output.List(new CustomerListRow(
                entry.Metric, entry.Period.Grain.ToName(), entry.Period.Label, entry.Period.Start, orders.CustomerIds[entry.Customer], entry.Day))));
    }
}
