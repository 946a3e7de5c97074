using Centric.Domain.Activity;
using Centric.Domain.Families.Cohorts;
using Centric.Domain.Tests.Families.Orders;

namespace Centric.Domain.Tests.Families.Cohorts;

public class CohortRetentionTests
{
    /// <summary>
    /// January cohort: c0 (buys Jan, Feb, Mar), c1 (Jan, Mar), c2 (Jan only, twice); February cohort: c3 (Feb, Mar).
    /// A credit in March is not a purchase.
    /// </summary>
    private static readonly IReadOnlyList<CohortCell> Cells = CohortRetention.Compute(new OrdersBuilder()
        .Purchase("c0", "2025-01-03", 10m).Purchase("c0", "2025-02-03", 10m).Purchase("c0", "2025-03-03", 10m)
        .Purchase("c1", "2025-01-10", 10m).Purchase("c1", "2025-03-28", 10m)
        .Purchase("c2", "2025-01-20", 10m).Purchase("c2", "2025-01-21", 10m).Credit("c2", "2025-03-05", -5m)
        .Purchase("c3", "2025-02-14", 10m).Purchase("c3", "2025-03-01", 10m)
        .Build().Days, OrdersBuilder.Parse("2025-03-15"));

    private static CohortCell Cell(string cohort, int k) => Assert.Single(Cells, c => c.Cohort == cohort && c.MonthsAfter == k);

    [Fact]
    public void MonthZero_IsTheWholeCohort()
    {
        Assert.Equal(100m, Cell("2025-01", 0).Value);
        Assert.Equal(3, Cell("2025-01", 0).CohortSize);
        Assert.Equal(100m, Cell("2025-02", 0).Value);
    }

    [Fact]
    public void LaterMonths_CountCustomersWithAPurchaseDayThatMonth()
    {
        Assert.Equal(1, Cell("2025-01", 1).Customers);
        Assert.Equal(33.333333m, Cell("2025-01", 1).Value);
        Assert.Equal(1, Cell("2025-01", 2).Customers);
        Assert.Equal(100m, Cell("2025-02", 1).Value);
    }

    [Fact]
    public void Matrix_StopsAtTheAsOfMonth_WhichIsPartial()
    {
        Assert.Equal(5, Cells.Count);
        Assert.True(Cell("2025-01", 2).Partial);
        Assert.False(Cell("2025-01", 1).Partial);
    }

    /// <summary>
    /// Customer-days held as ordered columns (as the loader gives them) are read in one pass without grouping: the matrix
    /// is the one the grouping of the same days as a list gives, over month ends, credits, late days and as-of dates in
    /// the middle of a month.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool OrderedColumns_GiveTheSameMatrixAsTheGroupedList(int seed)
    {
        var random = new Random(seed);
        var start = new DateOnly(2023, 1, 1);
        var days = Enumerable.Range(0, random.Next(0, 80))
            .Select(_ => new CustomerDay(random.Next(0, 12), start.AddDays(random.Next(0, 800)), random.Next(0, 3), 10m, random.Next(0, 3) == 0 ? -2m : 0m))
            .ToList();
        var asOf = start.AddDays(random.Next(0, 820));

        var columns = CustomerDays.Ordered(days);
        var fromList = CohortRetention.Compute(days, asOf);
        var fromColumns = CohortRetention.Compute(columns, asOf);

        return columns.IsOrdered && fromList.SequenceEqual(fromColumns);
    }
}
