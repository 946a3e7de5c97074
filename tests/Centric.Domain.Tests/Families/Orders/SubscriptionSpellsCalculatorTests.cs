using Centric.Domain.Activity;
using Centric.Domain.Families.Orders;
using Centric.Domain.Metrics;
using Centric.Domain.Time;

namespace Centric.Domain.Tests.Families.Orders;

/// <summary>
/// The customer-base metrics over subscription spells, through the calculator the orders model uses. As of 2025-03-31:
/// c0 is active [Jan 1, Mar 1); c1 [Jan 10, Feb 10) and again from Mar 22 (40 days later, open); c2 from Feb 1 with a
/// cancellation scheduled for Dec 31 (after the as-of date: censored).
/// February: active Feb 1–9 three customers, Feb 10–28 two: 27 + 38 = 65 customer-days over 28 days.
/// </summary>
public class SubscriptionSpellsCalculatorTests
{
    private static int D(string day) => OrdersBuilder.Parse(day).DayNumber;

    private static readonly ActivitySpell[][] Spells =
    [
        [new(D("2025-01-01"), D("2025-03-01"))],
        [new(D("2025-01-10"), D("2025-02-10")), new(D("2025-03-22"), SubscriptionsActivityModel.OpenEnd)],
        [new(D("2025-02-01"), D("2025-12-31"))],
    ];

    private static readonly IReadOnlyList<MetricValue> Rows = new OrdersMetricsCalculator(new PeriodCalendar(), 365).Compute(
        new OrdersMetricsInput(3, [], Spells: Spells, HasOrders: false), OrdersBuilder.Parse("2025-03-31"), [Grain.Month]);

    private static MetricValue Find(string metric, string period, string? preset = null) =>
        Assert.Single(Rows, r => r.Metric == metric && r.Period.Label == period && r.Preset == preset && r.Segment == "*");

    [Fact]
    public void January_BothStartsAreNew()
    {
        Assert.Equal(2m, Find("new-customers", "2025-01").Value);
        Assert.Equal(2m, Find("active-customers", "2025-01").Value);
        Assert.Equal(0m, Find("churned-customers", "2025-01").Value);
    }

    [Fact]
    public void February_CancellationIsChurn_InEveryPreset()
    {
        Assert.Equal(1m, Find("new-customers", "2025-02").Value);
        Assert.Equal(1m, Find("churned-customers", "2025-02").Value);
        Assert.Equal(2m, Find("active-customers", "2025-02").Value);
        Assert.Equal(50m, Find("churn-rate", "2025-02", ChurnPresets.Start).Value);
        var average = Find("churn-rate", "2025-02", ChurnPresets.Average);
        Assert.Equal(Ratio.Round(65m / 28m), average.Denominator);
        Assert.Equal(Ratio.Round(100m * 28m / 65m), average.Value);
        Assert.Equal(Ratio.Round(100m / 3m), Find("churn-rate", "2025-02", ChurnPresets.StartPlusNew).Value);
        Assert.Equal(50m, Find("retention-rate", "2025-02").Value);
    }

    [Fact]
    public void March_RestartIsAReactivation_AndTheScheduledCancellationIsCensored()
    {
        Assert.Equal(1m, Find("reactivated-customers", "2025-03").Value);
        Assert.Equal(1m, Find("churned-customers", "2025-03").Value);
        Assert.Equal(2m, Find("active-customers", "2025-03").Value);
        Assert.Equal(0m, Find("new-customers", "2025-03").Value);
        Assert.Equal(50m, Find("retention-rate", "2025-03").Value);
    }

    [Fact]
    public void WithoutOrders_TheOrderMetricsAreNotReported()
    {
        Assert.DoesNotContain(Rows, r => r.Metric is "revenue" or "orders" or "aov" or "purchase-frequency" or "loyalty-rate" or "clv-simple");
    }

    /// <summary>
    /// Ten customers active from Jan 1; c0 ends Feb 15, c1 ends Apr 10. Monthly churn (start) Feb–Jul: 1/10, 0/9, 1/9, 0/8,
    /// 0/8, 0/8, mean 19/540. August revenue 40 + 24 over 8 active customers every day: ARPA 8, so clv-arpa = 8 ÷ 19/540 =
    /// 4320/19. July's six months begin with January, whose start base is empty: null.
    /// </summary>
    [Fact]
    public void ClvArpa_IsArpaOverTheMeanMonthlyStartChurnOfTheSixMonthsBefore()
    {
        var spells = Enumerable.Range(0, 10).Select(c => new ActivitySpell[]
        {
            new(D("2025-01-01"), c switch { 0 => D("2025-02-15"), 1 => D("2025-04-10"), _ => SubscriptionsActivityModel.OpenEnd }),
        }).ToArray();
        var days = new CustomerDay[]
        {
            new(2, OrdersBuilder.Parse("2025-08-05"), 1, 40m, 0m),
            new(3, OrdersBuilder.Parse("2025-08-20"), 1, 24m, 0m),
        };
        var rows = new OrdersMetricsCalculator(new PeriodCalendar(), 365).Compute(
            new OrdersMetricsInput(10, days, Spells: spells), OrdersBuilder.Parse("2025-08-31"), [Grain.Month]);
        MetricValue Row(string metric, string period) => Assert.Single(rows, r => r.Metric == metric && r.Period.Label == period && r.Segment == "*");

        Assert.Equal(8m, Row("arpa", "2025-08").Value);
        var august = Row("clv-arpa", "2025-08");
        Assert.Equal(8m, august.Numerator);
        Assert.Equal(Ratio.Round(19m / 540m), august.Denominator);
        Assert.Equal(Ratio.Round(4320m / 19m), august.Value);
        Assert.Null(Row("clv-arpa", "2025-07").Value);
        Assert.Null(Row("clv-arpa", "2025-07").Denominator);
    }
}
