using Centric.Domain.Families.CustomerLists;

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
        Assert.Null(table[1].MrrBefore);
        Assert.Equal(7m, table[7].MrrBefore);
        Assert.Throws<ArgumentOutOfRangeException>(() => table[table.Count]);
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
}
