using Centric.Domain.Exports;
using Centric.Domain.Metrics;
using Centric.Domain.Time;

namespace Centric.Domain.Families.Orders;

/// <summary>
/// The customer base and revenue: active, new, reactivated and churned customers, churn rate in three presets,
/// retention, revenue, orders, AOV, purchase frequency, ARPA, loyalty, simple CLV and ARPA CLV. The customer base follows
/// subscriptions when the dataset has a subscriptions export (revenue, orders and AOV still come from orders), else orders.
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
    public const string ClvArpa = "clv-arpa";

    /// <summary>How the definitions name the two activity models.</summary>
    private const string Models =
        "Subscriptions model (the dataset has a subscriptions export): active on d when a subscription with mrr > 0 has start_date ≤ d < end_date " +
        "(open end: always; end ≤ start: never); overlapping or same-day follow-on subscriptions (upgrades, add-ons) leave no gap. " +
        "Orders model (no subscriptions export): active on d when a purchase day q has q ≤ d < q + inactivityDays.";

    public static IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new(ActiveCustomers, "Active customers", MetricUnit.Count,
            "Customers active on the last day of the period (e − 1), or on the as-of date for the partial period. " + Models, 2, []),
        new(NewCustomers, "New customers", MetricUnit.Count,
            "Customers whose first active day is in the period: the first subscription start (subscriptions model) or first purchase day (orders model).", 2, []),
        new(ReactivatedCustomers, "Reactivated customers", MetricUnit.Count,
            "Customers who became active again in the period after a day inactive, other than their first start (each counted once). " +
            "Subscriptions model: a subscription starting with nothing covering the day before; orders model: a purchase day that found them inactive.", 2, []),
        new(ChurnedCustomers, "Churned customers", MetricUnit.Count,
            "Customers with a churn day in the period, the first day they are inactive (each counted once). Subscriptions model: the end_date " +
            "no other subscription covers; orders model: q + inactivityDays with no purchase in (q, q + inactivityDays]. Churn days after the " +
            "as-of date (scheduled cancellations included) are unknown, not churn.", 2, []),
        new(ChurnRate, "Churn rate", MetricUnit.Percent,
            "Churned customers in the period ÷ denominator × 100. average: mean over the period's days of active customers; " +
            "start: churn of customers active on s − 1 ÷ active on s − 1; start-plus-new: churned ÷ (active on s − 1 + new in the period). " +
            "Activity follows subscriptions when the dataset has them, else orders.",
            2, ChurnPresets.All),
        new(Revenue, "Revenue", MetricUnit.Currency,
            "Sum of the amounts of valid orders (not cancelled or refunded, amount ≥ 0) and credits (negative amounts) in the period, in the reporting currency. " +
            "Always from orders, also in a dataset with subscriptions.", 1, []),
        new(Orders, "Orders", MetricUnit.Count,
            "Valid orders in the period: status other than cancelled or refunded, amount ≥ 0.", 1, []),
        new(Aov, "Average order value", MetricUnit.Currency,
            "Revenue in the period ÷ valid orders in the period.", 1, []),
        new(RetentionRate, "Retention rate", MetricUnit.Percent,
            "Customers active on both s − 1 and e − 1 ÷ customers active on s − 1 × 100. Activity follows subscriptions when the dataset has them, else orders.", 2, []),
        new(PurchaseFrequency, "Purchase frequency", MetricUnit.Ratio,
            "Valid orders in the period ÷ customers with a purchase day in the period.", 1, []),
        new(Arpa, "Average revenue per account", MetricUnit.Currency,
            "Subscriptions model: MRR on e − 1 (the as-of date for the partial period) ÷ customers active on e − 1. " +
            "Orders model: revenue in the period ÷ mean over the period's days of active customers.", 2, []),
        new(LoyaltyRate, "Loyalty rate", MetricUnit.Percent,
            "Customers with a purchase day in the period whose first purchase day is before the period ÷ customers with a purchase day in the period × 100.", 1, []),
        new(ClvSimple, "Customer lifetime value (simple)", MetricUnit.Currency,
            "Over the trailing 12 months ending with the period: AOV × (valid orders ÷ customers with a purchase) × expected lifetime in years, " +
            "where expected lifetime = 1 ÷ churn rate (average) over the same 12 months. Numerator: revenue ÷ customers with a purchase; " +
            "denominator: churn as a fraction. Null when churn is 0.", 1, []),
        new(ClvArpa, "Customer lifetime value (ARPA)", MetricUnit.Currency,
            "Monthly ARPA of the period ÷ the mean of the monthly churn rates (start preset, as fractions) of the six whole months before the period. " +
            "Numerator: monthly ARPA (subscriptions model: MRR on e − 1 ÷ active customers on e − 1; orders model: revenue ARPA of the period ÷ its months, " +
            "a partial period counting its days up to the as-of date); denominator: the mean churn fraction. Null when any of the six months has no " +
            "customers at its start or lies before the data, when that mean is 0, or when ARPA is unknown.", 1, []),
    ];

    public string Name => "orders";

    public IReadOnlyList<MetricDefinition> Definitions => Metrics;

    public bool ReadsCustomerDays => true;

    public IReadOnlyList<ExportKind> Reads { get; } = [ExportKind.Orders, ExportKind.Subscriptions];

    public void Compute(FamilyContext context, FamilyOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var orders = context.Orders;
        var calculator = new OrdersMetricsCalculator(context.Calendar, context.Settings.InactivityDays);
        var (input, customerIds) = context.Subscriptions is { } subscriptions
            ? (Input(context, subscriptions), subscriptions.CustomerIds)
            : (new OrdersMetricsInput(
                orders.CustomerIds.Count, orders.Days, [.. orders.CustomerIds.Select(context.Segments.Of)], orders.Unconverted, orders.ReportingCurrency),
               orders.CustomerIds);

        // The customers behind new, reactivated, churned and active customers come from the pass that counts them, each
        // numbered in the lists once, before its first row.
        var listed = output.ListedCustomers(customerIds);
        output.Add(calculator.Compute(
            input,
            context.AsOf,
            context.Grains,
            entry => output.List(
                entry.Metric, entry.Period.Grain.ToName(), entry.Period.Label, entry.Period.Start, listed.Of(entry.Customer), entry.Day)));
    }

    /// <summary>
    /// The subscriptions model's input: every customer of orders or subscriptions, activity from subscription spells and
    /// ARPA from MRR; revenue, orders and AOV from the orders export when there is one.
    /// </summary>
    public static OrdersMetricsInput Input(FamilyContext context, Subscriptions.SubscriptionCustomers subscriptions)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(subscriptions);
        var orders = context.Orders;
        return new OrdersMetricsInput(
            subscriptions.CustomerIds.Count,
            orders.Days,
            context.SegmentsOf(subscriptions.CustomerIds),
            orders.Unconverted,
            orders.ReportingCurrency,
            subscriptions.Spells,
            subscriptions.Revenue,
            context.Kinds.Contains(ExportKind.Orders));
    }
}
