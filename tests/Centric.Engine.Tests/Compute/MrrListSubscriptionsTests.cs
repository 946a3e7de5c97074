using Centric.Domain.Datasets;
using Centric.Domain.Families.Subscriptions;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// The subscriptions an MRR list row names: those of the customer active on s − 1 or on e − 1 (mrr above 0), each once,
/// in ordinal order of their ids, whatever order they were exported in. Customer h: h9 pays 10 and
/// h10 20 from January, h10 ends on Feb 20, h2 has no MRR, h11 runs from Feb 3 to Feb 10 only, and h12 starts on Mar 5.
/// By hand: February is a contraction of −20 (30 on Jan 31, 10 on Feb 28) involving h10 and h9; March an expansion of
/// 7 (h12) involving h12 and h9 (the as-of date is in March).
/// </summary>
public sealed class MrrListSubscriptionsTests : IDisposable
{
    private readonly CuratedFolder _curated = new CuratedFolder()
        .Subscriptions(
            ("h9", "h", "2025-01-01 00:00:00", null, 10m, "EUR"),
            ("h2", "h", "2025-01-01 00:00:00", null, 0m, "EUR"),
            ("h10", "h", "2025-01-01 00:00:00", "2025-02-20 00:00:00", 20m, "EUR"),
            ("h11", "h", "2025-02-03 00:00:00", "2025-02-10 00:00:00", 5m, "EUR"),
            ("h12", "h", "2025-03-05 00:00:00", null, 7m, "EUR"),
            ("k1", "k", "2025-01-01 00:00:00", null, 1m, "EUR"))
        .FxRates(("2024-12-01", "USD", 0.5m));

    public void Dispose() => _curated.Dispose();

    [Fact]
    public void AMovementsSubscriptions_AreThoseActiveOnEitherDay_InOrdinalOrderOfTheirIds()
    {
        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), DatasetSettings.Default);

        var february = Assert.Single(result.CustomerLists.Select(SubscriptionsFamily.ContractionMrr, "month", "2025-02", "*"));
        Assert.Equal(("h", 30m, 10m, -20m), (february.CustomerId, february.MrrBefore, february.MrrAfter, february.Movement));
        Assert.Equal(["h10", "h9"], february.Subscriptions);

        var march = Assert.Single(result.CustomerLists.Select(SubscriptionsFamily.ExpansionMrr, "month", "2025-03", "*"));
        Assert.Equal(("h", 10m, 17m, 7m), (march.CustomerId, march.MrrBefore, march.MrrAfter, march.Movement));
        Assert.Equal(["h12", "h9"], march.Subscriptions);

        var quarter = Assert.Single(result.CustomerLists.Select(SubscriptionsFamily.NewMrr, "quarter", "2025-Q1", "*"), r => r.CustomerId == "h");
        Assert.Equal(["h12", "h9"], quarter.Subscriptions);
    }

    [Theory]
    [InlineData(63)]
    [InlineData(70)]
    public void ACustomerWithManySubscriptions_IsListedWithEveryActiveOne(int fromJanuary)
    {
        // fromJanuary subscriptions of 1 from January and one of 5 from Feb 10: 64 distinct ids (the most kept as bits)
        // or 71 (compared id by id). January is new MRR of fromJanuary with the January ones; February an expansion of 5
        // with all of them; March no movement.
        var ids = Enumerable.Range(0, fromJanuary + 1).Select(i => $"m{i:D2}").ToArray();
        var rows = ids.Take(fromJanuary).Select(id => (id, "m", "2025-01-01 00:00:00", (string?)null, 1m, (string?)"EUR"))
            .Append((ids[^1], "m", "2025-02-10 00:00:00", null, 5m, "EUR"))
            .Append(("z1", "z", "2025-03-20 00:00:00", null, 1m, "EUR"))
            .Reverse()
            .ToArray();
        using var curated = new CuratedFolder().Subscriptions(rows);

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), DatasetSettings.Default);

        var january = Assert.Single(result.CustomerLists.Select(SubscriptionsFamily.NewMrr, "month", "2025-01", "*"));
        Assert.Equal(("m", 0m, fromJanuary, fromJanuary), (january.CustomerId, january.MrrBefore, january.MrrAfter, january.Movement));
        Assert.Equal(ids[..^1], january.Subscriptions);
        var february = Assert.Single(result.CustomerLists.Select(SubscriptionsFamily.ExpansionMrr, "month", "2025-02", "*"));
        Assert.Equal((fromJanuary, fromJanuary + 5m, 5m), (february.MrrBefore, february.MrrAfter, february.Movement));
        Assert.Equal(ids, february.Subscriptions);
        var quarter = Assert.Single(result.CustomerLists.Select(SubscriptionsFamily.NewMrr, "quarter", "2025-Q1", "*"), r => r.CustomerId == "m");
        Assert.Equal(ids, quarter.Subscriptions);
        Assert.Empty(result.CustomerLists.Select(SubscriptionsFamily.ExpansionMrr, "month", "2025-03", "*"));
    }
}
