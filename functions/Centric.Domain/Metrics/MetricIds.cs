namespace Centric.Domain.Metrics;

/// <summary>The public metric ids (docs/metrics.md).</summary>
public static class MetricIds
{
    public const string ActiveCustomers = "active-customers";
    public const string NewCustomers = "new-customers";
    public const string ReactivatedCustomers = "reactivated-customers";
    public const string ChurnedCustomers = "churned-customers";
    public const string ChurnRate = "churn-rate";
    public const string RetentionRate = "retention-rate";
    public const string Revenue = "revenue";
    public const string Orders = "orders";
    public const string Aov = "aov";
    public const string PurchaseFrequency = "purchase-frequency";
    public const string Arpa = "arpa";
    public const string LoyaltyRate = "loyalty-rate";
    public const string ClvSimple = "clv-simple";
    public const string ClvPredicted = "clv-predicted";
    public const string ClvPredictedTotal = "clv-predicted-total";
    public const string PAlive = "p-alive";
    public const string ExpectedPurchases = "expected-purchases";
}
