using Centric.Domain.Activity;
using Centric.Domain.Families.Cohorts;
using Centric.Domain.Tests.Families.Orders;

namespace Centric.Domain.Tests.Families.Cohorts;

/// <summary>
/// Subscriptions model, as of 2025-03-15: c0 is active [Jan 15, Feb 1) and again from Mar 10; c1 only on Feb 28
/// ([Feb 28, Mar 1)); c2 is active [Jan 20, Apr 1), past the as-of date; c3 starts after it (Mar 20) and is unknown yet.
/// </summary>
public class SubscriptionCohortRetentionTests
{
    private static int D(string day) => OrdersBuilder.Parse(day).DayNumber;

    private static readonly IReadOnlyList<CohortCell> Cells = CohortRetention.Compute(
        [
            [new ActivitySpell(D("2025-01-15"), D("2025-02-01")), new ActivitySpell(D("2025-03-10"), SubscriptionsActivityModel.OpenEnd)],
            [new ActivitySpell(D("2025-02-28"), D("2025-03-01"))],
            [new ActivitySpell(D("2025-01-20"), D("2025-04-01"))],
            [new ActivitySpell(D("2025-03-20"), SubscriptionsActivityModel.OpenEnd)],
        ],
        OrdersBuilder.Parse("2025-03-15"));

    private static (int Customers, int Size) Cell(string cohort, int k)
    {
        var cell = Assert.Single(Cells, c => c.Cohort == cohort && c.MonthsAfter == k);
        return (cell.Customers, cell.CohortSize);
    }

    [Fact]
    public void ACustomerCountsInEveryMonthItIsActiveOnSomeDay()
    {
        Assert.Equal((2, 2), Cell("2025-01", 0));
        Assert.Equal((1, 2), Cell("2025-01", 1));
        Assert.Equal((2, 2), Cell("2025-01", 2));
        Assert.Equal((1, 1), Cell("2025-02", 0));
        Assert.Equal((0, 1), Cell("2025-02", 1));
        Assert.DoesNotContain(Cells, c => c.Cohort == "2025-03");
        Assert.True(Assert.Single(Cells, c => c.Cohort == "2025-01" && c.MonthsAfter == 2).Partial);
    }

    [Fact]
    public void AMonthTwoSpellsShare_CountsOnce_AndTheCohortIsTheEarliestMonth_InWhateverOrderTheSpellsCome()
    {
        // c0: [Jan 5, Jan 10) and [Jan 20, Feb 3), given in reverse; c1: [Feb 2, Feb 9) and [Feb 20, Mar 2).
        var cells = CohortRetention.Compute(
            [
                [new ActivitySpell(D("2025-01-20"), D("2025-02-03")), new ActivitySpell(D("2025-01-05"), D("2025-01-10"))],
                [new ActivitySpell(D("2025-02-02"), D("2025-02-09")), new ActivitySpell(D("2025-02-20"), D("2025-03-02"))],
            ],
            OrdersBuilder.Parse("2025-03-31"));

        (int Customers, int Size) Of(string cohort, int k)
        {
            var cell = Assert.Single(cells, c => c.Cohort == cohort && c.MonthsAfter == k);
            return (cell.Customers, cell.CohortSize);
        }

        Assert.Equal((1, 1), Of("2025-01", 0));
        Assert.Equal((1, 1), Of("2025-01", 1));
        Assert.Equal((0, 1), Of("2025-01", 2));
        Assert.Equal((1, 1), Of("2025-02", 0));
        Assert.Equal((1, 1), Of("2025-02", 1));
        Assert.Equal(5, cells.Count);
    }
}
