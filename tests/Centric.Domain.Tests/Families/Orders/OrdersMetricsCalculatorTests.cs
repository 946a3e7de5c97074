using Centric.Domain.Families.Orders;
using Centric.Domain.Metrics;
using Centric.Domain.Time;

namespace Centric.Domain.Tests.Families.Orders;

/// <summary>
/// Hand-computed values. With inactivityDays = 10:
/// c0 buys Jan 1 and Jan 11 (exactly q + W: one spell [Jan 1, Jan 21)); c1 buys Jan 5 and Jan 20 (churns Jan 15,
/// reactivates Jan 20, churns Jan 30); c2 buys twice on Feb 10 (churns Feb 20).
/// Active per day in January: 1×4 + 2×10 + 1×5 + 2×1 + 1×9 = 40 customer-days over 31 days.
/// </summary>
public class OrdersMetricsCalculatorTests
{
    private static readonly OrdersMetricsInput ThreeCustomers = new OrdersBuilder()
        .Purchase("c0", "2025-01-01", 10m).Purchase("c0", "2025-01-11", 20m)
        .Purchase("c1", "2025-01-05", 5m).Purchase("c1", "2025-01-20", 15m)
        .Purchase("c2", "2025-02-10", 5m).Purchase("c2", "2025-02-10", 7m)
        .InSegment("c0", "country:ES").InSegment("c2", "country:ES")
        .Build();

    private static IReadOnlyList<MetricValue> Compute(OrdersMetricsInput input, string asOf, int window = 10, Grain grain = Grain.Month) =>
        new OrdersMetricsCalculator(new PeriodCalendar(), window).Compute(input, OrdersBuilder.Parse(asOf), [grain]);

    private static MetricValue Find(IReadOnlyList<MetricValue> rows, string metric, string period, string? preset = null, string segment = "*") =>
        Assert.Single(rows, r => r.Metric == metric && r.Period.Label == period && r.Preset == preset && r.Segment == segment);

    [Fact]
    public void January_CountsNewReactivatedAndDistinctChurned()
    {
        var rows = Compute(ThreeCustomers, "2025-02-28");

        Assert.Equal(2m, Find(rows, "new-customers", "2025-01").Value);
        Assert.Equal(1m, Find(rows, "reactivated-customers", "2025-01").Value);
        Assert.Equal(2m, Find(rows, "churned-customers", "2025-01").Value);
        Assert.Equal(0m, Find(rows, "active-customers", "2025-01").Value);
    }

    [Fact]
    public void ChurnRate_AveragePreset_DividesByMeanDailyActive()
    {
        var row = Find(Compute(ThreeCustomers, "2025-02-28"), "churn-rate", "2025-01", "average");

        Assert.Equal(155m, row.Value);
        Assert.Equal(2m, row.Numerator);
        Assert.Equal(1.290323m, row.Denominator);
        Assert.Equal(MetricUnit.Percent, row.Unit);
    }

    [Fact]
    public void ChurnRate_StartPreset_WithNoStartBase_IsNull()
    {
        var rows = Compute(ThreeCustomers, "2025-02-28");

        Assert.Null(Find(rows, "churn-rate", "2025-01", "start").Value);
        Assert.Equal(100m, Find(rows, "churn-rate", "2025-01", "start-plus-new").Value);
        Assert.Equal(280m, Find(rows, "churn-rate", "2025-02", "average").Value);
    }

    [Fact]
    public void Revenue_SameDayOrders_AreMergedIntoOnePurchaseDay()
    {
        var rows = Compute(ThreeCustomers, "2025-02-28");

        Assert.Equal(12m, Find(rows, "revenue", "2025-02").Value);
        Assert.Equal(2m, Find(rows, "orders", "2025-02").Value);
        Assert.Equal(6m, Find(rows, "aov", "2025-02").Value);
        Assert.Equal(2m, Find(rows, "purchase-frequency", "2025-02").Value);
        Assert.Equal(1m, Find(rows, "churned-customers", "2025-02").Value);
        Assert.Equal(12.5m, Find(rows, "aov", "2025-01").Value);
        Assert.Equal(38.75m, Find(rows, "arpa", "2025-01").Value);
    }

    [Fact]
    public void ClvSimple_UsesTrailingTwelveMonthsFromTheDataStart()
    {
        var rows = Compute(ThreeCustomers, "2025-02-28");

        // (62 / 3 buyers) ÷ (3 churned ÷ (50 / 59 mean active)) = 3100 / 531.
        var february = Find(rows, "clv-simple", "2025-02");
        Assert.Equal(5.838041m, february.Value);
        Assert.Equal(20.666667m, february.Numerator);
        Assert.Equal(3.54m, february.Denominator);
        // (50 / 2) ÷ (2 ÷ (40 / 31)) = 16.129032...
        Assert.Equal(16.129032m, Find(rows, "clv-simple", "2025-01").Value);
    }

    [Fact]
    public void ClvSimple_WithoutChurn_IsNull()
    {
        var input = new OrdersBuilder().Purchase("c0", "2025-01-01", 10m).Build();

        Assert.Null(Find(Compute(input, "2025-01-31", window: 365), "clv-simple", "2025-01").Value);
    }

    [Fact]
    public void PartialPeriod_CensorsChurnAfterAsOf_AndAveragesDaysUpToAsOf()
    {
        var rows = Compute(ThreeCustomers, "2025-02-15");

        var churn = Find(rows, "churn-rate", "2025-02", "average");
        Assert.True(churn.Partial);
        Assert.Equal(0m, churn.Numerator);
        Assert.Equal(0.4m, churn.Denominator);
        Assert.Equal(1m, Find(rows, "active-customers", "2025-02").Value);
        Assert.False(Find(rows, "churn-rate", "2025-01", "average").Partial);
        Assert.DoesNotContain(rows, r => r.Period.Label == "2025-03");
    }

    [Fact]
    public void Segments_AreComputedSeparately_AndSmallOnesAreMarkedLowSample()
    {
        var rows = Compute(ThreeCustomers, "2025-02-28");

        var spain = Find(rows, "revenue", "2025-01", segment: "country:ES");
        Assert.Equal(30m, spain.Value);
        Assert.True(spain.LowSample);
        Assert.False(Find(rows, "revenue", "2025-01").LowSample);
    }

    [Fact]
    public void Credits_ReduceRevenue_ButAreNotOrdersOrPurchases()
    {
        var input = new OrdersBuilder()
            .Purchase("c0", "2025-01-01", 100m)
            .Credit("c0", "2025-01-03", -30m)
            .Credit("c1", "2025-01-04", -5m)
            .Build();

        var rows = Compute(input, "2025-01-31", window: 365);

        Assert.Equal(65m, Find(rows, "revenue", "2025-01").Value);
        Assert.Equal(1m, Find(rows, "orders", "2025-01").Value);
        Assert.Equal(1m, Find(rows, "new-customers", "2025-01").Value);
        Assert.Equal(1m, Find(rows, "active-customers", "2025-01").Value);
    }

    [Fact]
    public void Year_RetentionAndStartPresetFollowLastYearsCustomers()
    {
        var input = new OrdersBuilder()
            .Purchase("c0", "2024-03-01", 10m).Purchase("c0", "2025-02-01", 10m)
            .Purchase("c1", "2024-06-01", 10m)
            .Purchase("c2", "2025-05-01", 10m)
            .Build();

        var rows = Compute(input, "2025-12-31", window: 365, grain: Grain.Year);

        Assert.Equal(50m, Find(rows, "retention-rate", "2025").Value);
        Assert.Equal(2m, Find(rows, "retention-rate", "2025").Denominator);
        Assert.Equal(50m, Find(rows, "churn-rate", "2025", "start").Value);
        Assert.Equal(33.333333m, Find(rows, "churn-rate", "2025", "start-plus-new").Value);
        Assert.Equal(50m, Find(rows, "loyalty-rate", "2025").Value);
        Assert.Equal(2m, Find(rows, "active-customers", "2025").Value);
    }
}
