using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Domain.Families.Orders;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

public class MetricFamiliesComputeTests
{
    private static readonly DatasetSettings Settings = new() { InactivityDays = 30 };

    [Fact]
    public void CustomersAndTicketsOnly_ComputesWithAnAsOfDate_AndNoOrdersFamily()
    {
        using var curated = new CuratedFolder()
            .Customers(("c1", "ES", null), ("c2", "IT", null))
            .Tickets(("t1", "c1", "2025-05-02 09:00:00"), ("t2", null, "2025-06-14 23:30:00"));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings);

        Assert.Equal(new DateOnly(2025, 6, 14), result.AsOf);
        Assert.Equal([ExportKind.Customers, ExportKind.Tickets], result.Kinds);
        Assert.Empty(result.Families);
        Assert.Empty(result.Values);
        Assert.Empty(result.Scores);
        Assert.Null(result.Clv);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("nothing to compute", StringComparison.Ordinal));
    }

    [Fact]
    public void CustomersOnly_HasNoEvents_SoNothingIsComputed()
    {
        using var curated = new CuratedFolder().Customers(("c1", "ES", null));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings);

        Assert.Null(result.AsOf);
        Assert.Empty(result.Values);
        Assert.Contains(result.Warnings, w => w.Contains("nothing to compute", StringComparison.Ordinal));
    }

    [Fact]
    public void AsOfDate_IsTheLatestEventDayOfAnyKind_NotOnlyOrders()
    {
        using var curated = new CuratedFolder()
            .Orders(("o1", "c1", "2025-03-01 10:00:00", 100m, null, null))
            .Tickets(("t1", "c1", "2025-04-10 08:00:00"));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings);

        Assert.Equal(new DateOnly(2025, 4, 10), result.AsOf);
        // The orders model runs to the as-of date: April is reported, partial, and c1 churned on 2025-03-31 (W = 30).
        var april = Assert.Single(result.Values, v => v.Metric == OrdersFamily.ActiveCustomers && v.Period.Label == "2025-04"
            && v.Segment == "*" && v.Period.Grain == Domain.Time.Grain.Month);
        Assert.True(april.Partial);
        Assert.Equal(0m, april.Value);
        var march = Assert.Single(result.Values, v => v.Metric == OrdersFamily.ChurnedCustomers && v.Period.Label == "2025-03"
            && v.Segment == "*" && v.Period.Grain == Domain.Time.Grain.Month);
        Assert.Equal(1m, march.Value);
        Assert.Equal(["orders", "predicted-clv", "cohorts", "fulfilment"], result.Families);
    }

    [Fact]
    public void AsOfDate_FollowsCorrections_OfAnEventKind()
    {
        // A later export of the same ticket moves its opened_at back: the superseded day no longer counts.
        using var curated = new CuratedFolder()
            .Tickets(("t1", null, "2025-04-30 08:00:00"), ("t2", null, "2025-04-02 08:00:00"))
            .Tickets(("t1", null, "2025-04-03 08:00:00"));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings);

        Assert.Equal(new DateOnly(2025, 4, 3), result.AsOf);
    }

    [Fact]
    public void CustomerAttributes_CutTheOrdersMetrics_ByCustomerId()
    {
        using var curated = new CuratedFolder()
            .Customers(("c1", "ES", "smb"))
            .Orders(("o1", "c1", "2025-03-01 10:00:00", 100m, null, null));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings);

        Assert.Contains(result.Values, v => v.Segment == "country:ES" && v.Metric == OrdersFamily.Revenue);
        Assert.Contains(result.Values, v => v.Segment == "segment:smb" && v.Metric == OrdersFamily.Revenue);
    }

    [Fact]
    public void EveryFamily_ReadsAtLeastOneKind_AndDeclaresMetricsWithUniqueIds()
    {
        Assert.All(MetricFamilies.All, f => Assert.NotEmpty(f.Reads));
        Assert.All(MetricFamilies.All, f => Assert.NotEmpty(f.Definitions));
        var ids = MetricFamilies.All.SelectMany(f => f.Definitions).Select(d => d.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(MetricFamilies.All.Count, MetricFamilies.All.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
    }
}
