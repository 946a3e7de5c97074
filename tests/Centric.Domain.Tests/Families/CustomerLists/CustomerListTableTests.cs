using Centric.Domain.Families.CustomerLists;
using static System.FormattableString;

namespace Centric.Domain.Tests.Families.CustomerLists;

public class CustomerListTableTests
{
    [Fact]
    public void RowsReadBack_EqualTheRowsAdded_AcrossChunksAndWithOrWithoutMrr()
    {
        // 150,000 rows cross two chunk boundaries; every seventh carries MRR amounts and subscriptions, every third a day.
        var added = new List<CustomerListRow>();
        var table = new CustomerListTable();
        string[] metrics = ["active-customers", "mrr-new"];
        for (var i = 0; i < 150_000; i++)
        {
            var month = 1 + (i / 20_000);
            var row = new CustomerListRow(
                metrics[i / 50_000 % 2],
                i % 5 == 0 ? "quarter" : "month",
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"2025-{month:D2}"),
                new DateOnly(2025, month, 1),
                "c" + (i % 9_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                i % 3 == 0 ? new DateOnly(2025, month, 1 + (i % 28)) : null);
            if (i % 7 == 0)
            {
                row = row with { MrrBefore = i, MrrAfter = i + 0.5m, Movement = 0.5m, Subscriptions = ["s" + i] };
            }

            added.Add(row);
            table.Add(row);
        }

        Assert.Equal(added.Count, table.Count);
        Assert.Equal(added, table);
        Assert.Equal(added[131_072], table[131_072]);
        Assert.Equal(added[^1].CustomerId, table.CustomerIdAt(table.Count - 1));
        Assert.Equal(added.Select(r => r.CustomerId).Distinct(StringComparer.Ordinal), table.CustomerIds);
        Assert.Null(table[1].MrrBefore);
        Assert.Equal(7m, table[7].MrrBefore);
        Assert.Throws<ArgumentOutOfRangeException>(() => table[table.Count]);
    }

    [Fact]
    public void MrrDetailsOfMoreRowsThanAChunkHolds_ReadBackAsAdded()
    {
        // 200,000 rows, three in four with MRR amounts (150,000: the details cross two chunk boundaries); the first row has
        // none, so it comes before the first chunk of details; every ninth has no amount after, and the last rows' amounts
        // grow past what 8 bytes hold.
        var added = new List<CustomerListRow>();
        var table = new CustomerListTable();
        for (var i = 0; i < 200_000; i++)
        {
            var row = new CustomerListRow(
                "mrr-expansion", "month", "2025-03", new DateOnly(2025, 3, 1),
                "c" + (i % 40_000).ToString(System.Globalization.CultureInfo.InvariantCulture), null);
            if (i % 4 != 0)
            {
                var big = i > 180_000 ? 100_000_000_000_000_000_000m : 0m;
                row = row with { MrrBefore = i + big, MrrAfter = i % 9 == 0 ? null : i + 0.25m, Movement = 0.25m, Subscriptions = ["s" + i] };
            }

            added.Add(row);
            table.Add(row);
        }

        Assert.Equal(added, table);
        Assert.False(table.TryGetDetailsAt(0, out _));
        Assert.True(table.TryGetDetailsAt(87_381, out var lastOfFirstChunk));
        Assert.Equal((87_381m, (decimal?)null, 0.25m), (lastOfFirstChunk.MrrBefore, lastOfFirstChunk.MrrAfter, lastOfFirstChunk.Movement));
        Assert.False(table.TryGetDetailsAt(87_384, out _));
        Assert.True(table.TryGetDetailsAt(87_382, out var firstOfSecondChunk));
        Assert.Equal(["s87382"], firstOfSecondChunk.Subscriptions);
        Assert.True(table.TryGetDetailsAt(199_999, out var last));
        Assert.Equal(100_000_000_000_000_199_999m, last.MrrBefore);
    }

    [Fact]
    public void ACountsCustomerAddedByParts_ReadsBackAsTheRowWithThoseParts()
    {
        var table = new CustomerListTable();
        table.Add("churned-customers", "month", "2025-03", new DateOnly(2025, 3, 1), "c7", new DateOnly(2025, 3, 9));
        table.Add(new CustomerListRow("mrr-new", "month", "2025-03", new DateOnly(2025, 3, 1), "c8", null, 0m, 12m, 12m, ["s1"]));
        table.Add("active-customers", "quarter", "2025-Q1", new DateOnly(2025, 1, 1), "c7", null);

        Assert.Equal(
            [
                new CustomerListRow("churned-customers", "month", "2025-03", new DateOnly(2025, 3, 1), "c7", new DateOnly(2025, 3, 9)),
                table[1],
                new CustomerListRow("active-customers", "quarter", "2025-Q1", new DateOnly(2025, 1, 1), "c7"),
            ],
            table);
        Assert.Equal(12m, table[1].Movement);
        Assert.Equal(["s1"], table[1].Subscriptions!);
    }

    [Fact]
    public void RowsByList_GivesEachListsRowsInTheOrderAdded_ListsInTheOrderOfTheirFirstRow_AsGroupByDoes()
    {
        // Lists interleave: a period's month, quarter and MRR rows alternate, and one list comes back after others.
        var table = new CustomerListTable();
        var added = new List<CustomerListRow>();
        for (var i = 0; i < 70_000; i++)
        {
            var month = 1 + (i % 3);
            var row = (i % 4) switch
            {
                0 => new CustomerListRow("active-customers", "month", Invariant($"2025-0{month}"), new DateOnly(2025, month, 1), Invariant($"c{i}"), new DateOnly(2025, month, 28)),
                1 => new CustomerListRow("active-customers", "quarter", "2025-Q1", new DateOnly(2025, 1, 1), Invariant($"c{i}")),
                2 => new CustomerListRow("mrr-churn", "month", Invariant($"2025-0{month}"), new DateOnly(2025, month, 1), Invariant($"c{i}"), null, i, 0m, -i, [Invariant($"s{i}")]),
                _ => new CustomerListRow("new-customers", "year", "2025", new DateOnly(2025, 1, 1), Invariant($"c{i % 10}"), new DateOnly(2025, 2, 1 + (i % 28))),
            };
            added.Add(row);
            table.Add(row);
        }

        var (rows, starts) = table.RowsByList();

        var groups = added.GroupBy(r => (r.Metric, r.Grain, r.Period, r.PeriodStart)).ToList();
        Assert.Equal(groups.Count, table.ListCount);
        Assert.Equal(groups.Count + 1, starts.Length);
        Assert.Equal(added.Count, rows.Length);
        for (var k = 0; k < groups.Count; k++)
        {
            Assert.Equal(groups[k].Key, table.ListAt(k));
            Assert.Equal(groups[k], rows[starts[k]..starts[k + 1]].Select(i => table[i]));
        }

        Assert.Equal(added[2].Day, table.DayAt(2));
        Assert.Equal(added[3].Day, table.DayAt(3));
        Assert.True(table.TryGetDetailsAt(2, out var details));
        Assert.Equal((2m, 0m, -2m), (details.MrrBefore, details.MrrAfter, details.Movement));
        Assert.False(table.TryGetDetailsAt(3, out _));
    }

    [Fact]
    public void DaysFarFromTheirPeriodAndListsPastTheSixtyFiveThousandth_ReadBackAsAdded()
    {
        // A day is held as days from its period's start in 16 bits, a list's index in 16 bits: these do not fit.
        var start = new DateOnly(2025, 1, 1);
        CustomerListRow[] odd =
        [
            new("churned-customers", "month", "2025-01", start, "before", start.AddDays(-400)),
            new("churned-customers", "month", "2025-01", start, "far-before", new DateOnly(1900, 1, 1)),
            new("churned-customers", "month", "2025-01", start, "far-after", new DateOnly(2200, 12, 31)),
            new("churned-customers", "month", "2025-01", start, "edge-after", start.AddDays(short.MaxValue)),
            new("churned-customers", "month", "2025-01", start, "edge-before", start.AddDays(short.MinValue + 2)),
            new("churned-customers", "month", "2025-01", start, "past-edge", start.AddDays(short.MinValue + 1)),
            new("churned-customers", "month", "2025-01", start, "no-day"),
        ];
        var table = new CustomerListTable();
        var added = new List<CustomerListRow>();
        foreach (var row in odd)
        {
            added.Add(row);
            table.Add(row);
        }

        // 70,000 lists of one row each, the last ones with a day of their own and far days among them.
        for (var i = 0; i < 70_000; i++)
        {
            var periodStart = DateOnly.MinValue.AddDays(i);
            var row = new CustomerListRow("active-customers", "month", Invariant($"p{i}"), periodStart, Invariant($"c{i % 17}"),
                i % 5 == 0 ? null : periodStart.AddDays(i % 3 == 0 ? 40_000 : i % 31));
            added.Add(row);
            table.Add(row);
        }

        Assert.Equal(70_001, table.ListCount);
        Assert.Equal(added, table);
        Assert.Equal(added.Select(r => r.Day), Enumerable.Range(0, table.Count).Select(table.DayAt));
        Assert.Equal(added[^1].CustomerId, table.CustomerIdAt(table.Count - 1));
        var (rows, starts) = table.RowsByList();
        Assert.Equal(Enumerable.Range(0, 7), rows[starts[0]..starts[1]]);
        Assert.Equal([added.Count - 1], rows[starts[^2]..starts[^1]]);
        Assert.Equal(("active-customers", "month", "p69999", DateOnly.MinValue.AddDays(69_999)), table.ListAt(70_000));
    }

    [Fact]
    public void MrrDetailsWithSomeAmountsNull_ReadBackAsAdded_ScaleIncluded()
    {
        // Any of the three amounts may be null on a row that has details; a row may have only subscriptions; amounts keep
        // their scale (12.50 reads back as 12.50, not 12.5) and their sign.
        (decimal? Before, decimal? After, decimal? Movement, string[]? Subscriptions)[] details =
        [
            (null, 12.50m, 12.50m, ["s1"]),
            (3m, null, -3m, null),
            (0.0001m, 7m, null, ["s2", "s3"]),
            (null, null, null, ["s4"]),
            (-0.00m, 79228162514264337593543950335m, -1.5m, []),
        ];
        var table = new CustomerListTable();
        for (var i = 0; i < 40; i++)
        {
            var (before, after, movement, subscriptions) = details[i % 5];
            if (i % 3 == 0)
            {
                table.Add("active-customers", "month", "2025-01", new DateOnly(2025, 1, 1), "c" + i, null);
            }
            else
            {
                table.Add("mrr-new", "month", "2025-01", new DateOnly(2025, 1, 1), "c" + i, null, before, after, movement, subscriptions);
            }
        }

        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(i % 3 != 0, table.TryGetDetailsAt(i, out var read));
            if (i % 3 == 0)
            {
                Assert.Null(table[i].MrrAfter);
                continue;
            }

            var (before, after, movement, subscriptions) = details[i % 5];
            Assert.Equal(Bits(before), Bits(read.MrrBefore));
            Assert.Equal(Bits(after), Bits(read.MrrAfter));
            Assert.Equal(Bits(movement), Bits(read.Movement));
            Assert.Same(subscriptions, read.Subscriptions);
            Assert.Equal(Bits(movement), Bits(table[i].Movement));
        }

        static int[]? Bits(decimal? value) => value is { } v ? decimal.GetBits(v) : null;
    }

    [Fact]
    public void RowsAddedByCustomerNumber_ReadBackAsRowsAddedById_AndTheIdsKeepTheOrderTheyWereNumbered()
    {
        var byId = new CustomerListTable();
        var byNumber = new CustomerListTable();
        var start = new DateOnly(2025, 3, 1);
        string[] customers = ["c9", "c2", "c9", "c5", "c2"];
        foreach (var (customer, i) in customers.Select((c, i) => (c, i)))
        {
            byId.Add("active-customers", "month", "2025-03", start, customer, start.AddDays(i));
            byId.Add("mrr-expansion", "month", "2025-03", start, customer, null, i, i + 1.5m, 1.5m, ["s" + i]);
            var number = byNumber.NumberOf(customer);
            byNumber.Add("active-customers", "month", "2025-03", start, number, start.AddDays(i));
            byNumber.Add("mrr-expansion", "month", "2025-03", start, number, null, i, i + 1.5m, 1.5m, ["s" + i]);
        }

        Assert.Equal(byId.Select(r => r with { Subscriptions = null }), byNumber.Select(r => r with { Subscriptions = null }));
        Assert.Equal(byId.Select(r => string.Join(",", r.Subscriptions ?? [])), byNumber.Select(r => string.Join(",", r.Subscriptions ?? [])));
        Assert.Equal(["c9", "c2", "c5"], byNumber.CustomerIds);
        Assert.Equal(1, byNumber.NumberOf("c2"));
        Assert.Equal(3, byNumber.NumberOf("c4"));

        // A number the table did not give is refused, not read as another customer.
        Assert.Throws<ArgumentOutOfRangeException>(() => byNumber.Add("active-customers", "month", "2025-03", start, 4, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => byNumber.Add("active-customers", "month", "2025-03", start, -1, null));
        Assert.Equal(byId.Count, byNumber.Count);
    }

    [Fact]
    public void RowsMovingFromListToList_KeepTheirLists_WhetherTheTextsAreTheSameObjectsOrEqualCopies()
    {
        // Customer by customer through 26,400 lists, far more than the table keeps recent lists: two grains with one set
        // of labels, each label with 1,100 period starts, so that lists with the same texts and other starts meet in the
        // same place. Every other row passes copies of the texts, equal but other objects.
        string[] metrics = ["active-customers", "new-customers", "churned-customers"];
        string[] grains = ["month", "quarter"];
        string[] labels = ["p0", "p1", "p2", "p3"];
        var headers = (
            from metric in metrics
            from grain in grains
            from label in labels
            from day in Enumerable.Range(0, 1_100)
            select (Metric: metric, Grain: grain, Label: label, Start: new DateOnly(2020, 1, 1).AddDays(day))).ToArray();
        var table = new CustomerListTable();
        var added = new List<CustomerListRow>();
        for (var customer = 0; customer < 3; customer++)
        {
            for (var h = 0; h < headers.Length; h += 1 + (customer % 3))
            {
                var (metric, grain, label, start) = headers[h];
                if ((added.Count & 1) == 1)
                {
                    (metric, grain, label) = (new string(metric.AsSpan()), new string(grain.AsSpan()), new string(label.AsSpan()));
                }

                var row = new CustomerListRow(metric, grain, label, start, Invariant($"c{customer}"), start.AddDays(customer));
                added.Add(row);
                table.Add(row);
            }
        }

        Assert.Equal(headers.Length, table.ListCount);
        Assert.Equal(added, table);
        var (rows, starts) = table.RowsByList();
        for (var list = 0; list < table.ListCount; list++)
        {
            var header = table.ListAt(list);
            Assert.All(rows[starts[list]..starts[list + 1]], r =>
                Assert.Equal(header, (added[r].Metric, added[r].Grain, added[r].Period, added[r].PeriodStart)));
        }
    }
}
