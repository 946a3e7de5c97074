using Centric.Domain.Datasets;
using Centric.Domain.Metrics;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// A dataset with subscriptions and orders (EUR, as of the last order, 2025-03-01): x subscribes at 100 from Jan 1 and buys
/// 40 on Jan 5; y subscribes at 50 from Jan 15 to Feb 10; z only buys (60 on Feb 3, 10 on Mar 1). The customer base
/// follows subscriptions (z is never active, y churns on Feb 10); revenue, orders and AOV follow orders.
/// </summary>
public sealed class SubscriptionsWithOrdersTests : IDisposable
{
    private readonly CuratedFolder _curated = new CuratedFolder()
        .Subscriptions(
            ("x1", "x", "2025-01-01 00:00:00", null, 100m, "EUR"),
            ("y1", "y", "2025-01-15 00:00:00", "2025-02-10 00:00:00", 50m, "EUR"))
        .Orders(
            ("o1", "x", "2025-01-05 10:00:00", 40m, "EUR", null),
            ("o2", "z", "2025-02-03 10:00:00", 60m, "EUR", null),
            ("o3", "z", "2025-03-01 10:00:00", 10m, "EUR", null));

    private readonly ComputeResult _result;

    public SubscriptionsWithOrdersTests() => _result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), DatasetSettings.Default);

    public void Dispose() => _curated.Dispose();

    private decimal? Value(string metric, string period, string? preset = null) =>
        Assert.Single(_result.Values, v => v.Metric == metric && v.Period.Label == period && v.Segment == "*" && v.Preset == preset
            && v.Period.Grain == Domain.Time.Grain.Month).Value;

    [Fact]
    public void CustomerCounts_FollowSubscriptions()
    {
        Assert.Equal(new DateOnly(2025, 3, 1), _result.AsOf);
        // x and z from orders, y from subscriptions.
        Assert.Equal(3, _result.Customers);
        Assert.Equal(2m, Value("new-customers", "2025-01"));
        Assert.Equal(2m, Value("active-customers", "2025-01"));
        // z's first purchase in February does not make it a customer of the subscription base.
        Assert.Equal(0m, Value("new-customers", "2025-02"));
        Assert.Equal(1m, Value("churned-customers", "2025-02"));
        Assert.Equal(1m, Value("active-customers", "2025-02"));
        Assert.Equal(50m, Value("churn-rate", "2025-02", ChurnPresets.Start));
        Assert.Equal(1m, Value("active-customers", "2025-03"));
    }

    [Fact]
    public void Revenue_FollowsOrders_AndArpaFollowsMrr()
    {
        Assert.Equal(40m, Value("revenue", "2025-01"));
        Assert.Equal(60m, Value("revenue", "2025-02"));
        Assert.Equal(1m, Value("orders", "2025-02"));
        Assert.Equal(60m, Value("aov", "2025-02"));
        Assert.Equal(10m, Value("revenue", "2025-03"));
        Assert.Equal(0m, Value("loyalty-rate", "2025-02"));
        Assert.Equal(75m, Value("arpa", "2025-01"));
        Assert.Equal(100m, Value("arpa", "2025-02"));
        Assert.Equal(100m, Value("mrr", "2025-02"));
    }
}
