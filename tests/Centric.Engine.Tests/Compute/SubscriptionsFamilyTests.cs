using Centric.Domain.Datasets;
using Centric.Domain.Families.Subscriptions;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// MRR and its movements over hand-made subscriptions (EUR reporting, as of 2025-03-20):
/// a upgrades on the day its old plan ends (10 → 30 on Feb 15); b has an add-on of 5 from Feb 5 to Mar 10 on top of 20;
/// c cancels on Feb 1 and restarts 40 days later (Mar 13) at 50; d ends after the as-of date (scheduled cancellation);
/// e has zero MRR; f ends the day it starts; g pays 10 EUR plus 100 USD at 0.5, then 0.6 from March 1.
/// Month ends: Jan 155, Feb 130, Mar (to the 20th) 185.
/// Customer base (subscriptions model): a, b, c, d and g start in January (e and f are never active); c churns on Feb 1
/// and is reactivated on Mar 13; a's upgrade and b's add-on never break activity; d's end is after the as-of date.
/// Active on Jan 31: 5; Feb 28: 4 (a, b, d, g); Mar 20: 5.
/// </summary>
public sealed class SubscriptionsFamilyTests : IDisposable
{
    private readonly CuratedFolder _curated = new CuratedFolder()
        .Subscriptions(
            ("a1", "a", "2025-01-01 00:00:00", "2025-02-15 00:00:00", 10m, "EUR"),
            ("a2", "a", "2025-02-15 00:00:00", null, 30m, "EUR"),
            ("b1", "b", "2025-01-10 00:00:00", null, 20m, null),
            ("b2", "b", "2025-02-05 00:00:00", "2025-03-10 00:00:00", 5m, null),
            ("c1", "c", "2025-01-05 00:00:00", "2025-02-01 00:00:00", 50m, "EUR"),
            ("c2", "c", "2025-03-13 00:00:00", null, 50m, "EUR"),
            ("d1", "d", "2025-01-20 00:00:00", "2025-12-31 00:00:00", 15m, "EUR"),
            ("e1", "e", "2025-03-20 00:00:00", null, 0m, "EUR"),
            ("f1", "f", "2025-02-10 00:00:00", "2025-02-10 00:00:00", 40m, "EUR"),
            ("g1", "g", "2025-01-01 00:00:00", null, 10m, "EUR"),
            ("g2", "g", "2025-01-01 00:00:00", null, 100m, "USD"))
        .FxRates(("2024-12-01", "USD", 0.5m), ("2025-03-01", "USD", 0.6m));

    private readonly ComputeResult _result;

    public SubscriptionsFamilyTests() => _result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), DatasetSettings.Default);

    public void Dispose() => _curated.Dispose();

    private MetricValue Row(string metric, string period, Grain grain = Grain.Month) =>
        Assert.Single(_result.Values, v => v.Metric == metric && v.Period.Label == period && v.Segment == "*" && v.Period.Grain == grain);

    private decimal? Value(string metric, string period) => Row(metric, period).Value;

    [Fact]
    public void Mrr_IsTheSumOfActiveSubscriptions_OnThePeriodsLastDay()
    {
        Assert.Equal(new DateOnly(2025, 3, 20), _result.AsOf);
        Assert.Equal(155m, Value(SubscriptionsFamily.Mrr, "2025-01"));
        Assert.Equal(130m, Value(SubscriptionsFamily.Mrr, "2025-02"));
        Assert.Equal(185m, Value(SubscriptionsFamily.Mrr, "2025-03"));
        Assert.True(Row(SubscriptionsFamily.Mrr, "2025-03").Partial);
        Assert.Equal(185m, Row(SubscriptionsFamily.Mrr, "2025-Q1", Grain.Quarter).Value);
    }

    [Fact]
    public void February_UpgradeOnTheEndDay_IsExpansion_AndTheCancellationIsChurn()
    {
        Assert.Equal(25m, Value(SubscriptionsFamily.ExpansionMrr, "2025-02"));
        Assert.Equal(-50m, Value(SubscriptionsFamily.ChurnMrr, "2025-02"));
        Assert.Equal(0m, Value(SubscriptionsFamily.NewMrr, "2025-02"));
        Assert.Equal(0m, Value(SubscriptionsFamily.ContractionMrr, "2025-02"));
        Assert.Equal(83.870968m, Value(SubscriptionsFamily.Nrr, "2025-02"));
        Assert.Equal(67.741935m, Value(SubscriptionsFamily.Grr, "2025-02"));
        Assert.Equal(0.5m, Value(SubscriptionsFamily.QuickRatio, "2025-02"));
    }

    [Fact]
    public void March_RestartIsReactivation_AddOnEndIsContraction_RateChangeIsExpansion()
    {
        Assert.Equal(50m, Value(SubscriptionsFamily.ReactivationMrr, "2025-03"));
        Assert.Equal(-5m, Value(SubscriptionsFamily.ContractionMrr, "2025-03"));
        Assert.Equal(10m, Value(SubscriptionsFamily.ExpansionMrr, "2025-03"));
        Assert.Equal(0m, Value(SubscriptionsFamily.ChurnMrr, "2025-03"));
        Assert.Equal(103.846154m, Value(SubscriptionsFamily.Nrr, "2025-03"));
        Assert.Equal(12m, Value(SubscriptionsFamily.QuickRatio, "2025-03"));
    }

    [Fact]
    public void January_EveryoneIsNew_AndRetentionHasNoBase()
    {
        Assert.Equal(155m, Value(SubscriptionsFamily.NewMrr, "2025-01"));
        Assert.Null(Value(SubscriptionsFamily.Nrr, "2025-01"));
        Assert.Null(Value(SubscriptionsFamily.QuickRatio, "2025-01"));
    }

    [Fact]
    public void CustomerBase_FollowsSubscriptions()
    {
        Assert.Equal(5m, Value("new-customers", "2025-01"));
        Assert.Equal(5m, Value("active-customers", "2025-01"));
        Assert.Equal(0m, Value("churned-customers", "2025-01"));

        Assert.Equal(1m, Value("churned-customers", "2025-02"));
        Assert.Equal(4m, Value("active-customers", "2025-02"));
        Assert.Equal(0m, Value("new-customers", "2025-02"));
        Assert.Equal(80m, Value("retention-rate", "2025-02"));
        Assert.Equal(20m, Assert.Single(_result.Values, v => v.Metric == "churn-rate" && v.Preset == "start" && v.Period.Label == "2025-02" && v.Segment == "*").Value);
        // c is gone from Feb 1: four customers active on each of February's 28 days.
        Assert.Equal(25m, Assert.Single(_result.Values, v => v.Metric == "churn-rate" && v.Preset == "average" && v.Period.Label == "2025-02" && v.Segment == "*").Value);

        Assert.Equal(1m, Value("reactivated-customers", "2025-03"));
        Assert.Equal(0m, Value("churned-customers", "2025-03"));
        Assert.Equal(5m, Value("active-customers", "2025-03"));

        var quarter = _result.Values.Where(v => v.Period.Grain == Grain.Quarter && v.Segment == "*" && v.Preset is null).ToDictionary(v => v.Metric, v => v.Value);
        Assert.Equal(5m, quarter["new-customers"]);
        Assert.Equal(1m, quarter["churned-customers"]);
        Assert.Equal(1m, quarter["reactivated-customers"]);
    }

    [Fact]
    public void Arpa_IsMrrOnTheLastDay_OverTheActiveCustomersThen()
    {
        var january = Row("arpa", "2025-01");
        Assert.Equal((155m, 5m, 31m), (january.Numerator!.Value, january.Denominator!.Value, january.Value!.Value));
        Assert.Equal(32.5m, Value("arpa", "2025-02"));
        Assert.Equal(37m, Value("arpa", "2025-03"));
        // Fewer than six months of churn before any period.
        Assert.Null(Value("clv-arpa", "2025-03"));
    }

    [Fact]
    public void OrderMetrics_AreNotReported_WithoutAnOrdersExport()
    {
        Assert.DoesNotContain(_result.Values, v => v.Metric is "revenue" or "orders" or "aov" or "clv-simple");
    }

    [Fact]
    public void CohortRetention_CountsActiveDaysOfEachMonth()
    {
        var january = _result.Cohorts.Where(c => c.Cohort == "2025-01").OrderBy(c => c.MonthsAfter).ToArray();
        Assert.Equal([5, 4, 5], january.Select(c => c.Customers));
        Assert.All(january, c => Assert.Equal(5, c.CohortSize));
        Assert.Equal([100m, 80m, 100m], january.Select(c => c.Value!.Value));
        Assert.Single(_result.Cohorts.Select(c => c.Cohort).Distinct());
    }

    [Theory]
    [InlineData(Grain.Month)]
    [InlineData(Grain.Quarter)]
    [InlineData(Grain.Year)]
    public void Movements_SumToTheChangeInMrr_InEveryPeriod(Grain grain)
    {
        var rows = _result.Values.Where(v => v.Period.Grain == grain && v.Segment == "*" && v.Metric.StartsWith("mrr", StringComparison.Ordinal)).ToArray();
        foreach (var group in rows.GroupBy(v => v.Segment))
        {
            decimal previous = 0;
            foreach (var period in group.Select(v => v.Period).Distinct().OrderBy(p => p.Start))
            {
                decimal Of(string metric) => group.Single(v => v.Metric == metric && v.Period == period).Value!.Value;
                var movements = Of(SubscriptionsFamily.NewMrr) + Of(SubscriptionsFamily.ExpansionMrr) + Of(SubscriptionsFamily.ContractionMrr)
                    + Of(SubscriptionsFamily.ChurnMrr) + Of(SubscriptionsFamily.ReactivationMrr);
                Assert.Equal(Of(SubscriptionsFamily.Mrr) - previous, movements);
                previous = Of(SubscriptionsFamily.Mrr);
            }
        }
    }
}
