using Centric.Domain.Families.CustomerLists;
using Centric.Domain.Segments;

namespace Centric.Domain.Tests.Families.CustomerLists;

/// <summary>
/// The index serves each list's rows, for every segment, exactly as a scan of the whole set picks them: the same rows
/// in the same order, with lists interleaved in the set, customers in several segments or none, and lists not there.
/// </summary>
public sealed class CustomerListIndexTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void EachList_IsTheRowsAScanPicks_InTheSetsOrder(int seed, bool asTable)
    {
        var random = new Random(seed);
        string[] metrics = ["active-customers", "new-customers", "mrr-new"];
        string[] grains = ["month", "quarter"];
        string[] periods = ["2025-01", "2025-02", "2025-Q1"];
        string[] segments = ["country:NL", "country:DE", "plan:pro"];
        // Two period starts under one label: lists of the table that the index serves together, in row order.
        var rows = Enumerable.Range(0, 2_000).Select(_ => new CustomerListRow(
            metrics[random.Next(metrics.Length)], grains[random.Next(grains.Length)], periods[random.Next(periods.Length)],
            new DateOnly(2025, 1, 1 + random.Next(2)), "c" + random.Next(300), Day: random.Next(2) == 0 ? new DateOnly(2025, 1, 5) : null,
            Movement: random.Next(3) == 0 ? random.Next(-50, 50) : null)).ToArray();
        var byCustomer = Enumerable.Range(0, 300).Where(c => c % 7 != 0).ToDictionary(
            c => "c" + c,
            c => (IReadOnlyList<string>)[.. segments.Where((_, k) => ((c >> k) & 1) == 1)]);
        var table = new CustomerListTable();
        foreach (var row in rows)
        {
            table.Add(row);
        }

        var set = new CustomerListSet(asTable ? table : rows, byCustomer);
        var index = new CustomerListIndex(set);

        var served = 0;
        foreach (var metric in metrics.Append("no-such-metric"))
        {
            foreach (var grain in grains)
            {
                foreach (var period in periods.Append("2024-12"))
                {
                    foreach (var segment in segments.Append(SegmentKeys.All).Append("country:FR"))
                    {
                        var expected = set.Select(metric, grain, period, segment).ToArray();
                        var actual = index.Select(metric, grain, period, segment).ToArray();
                        Assert.Equal(expected, actual);

                        served += actual.Length;
                    }
                }
            }
        }

        Assert.True(served > rows.Length, "every row is served for * and again for its segments");
    }
}
