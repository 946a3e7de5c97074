using System.Globalization;
using Centric.Domain.Families.CustomerLists;
using Lists = Centric.Domain.Families.CustomerLists.CustomerLists;

namespace Centric.Domain.Tests.Families.CustomerLists;

/// <summary>
/// A metric's customer list written straight from the table is, byte for byte, what the row-by-row writer gives for
/// the same rows: the row writer is the independent method.
/// </summary>
public class CustomerListsCsvTests
{
    [Fact]
    public void TheTablesCsv_OfEachMetric_IsTheRowWritersCsvOfItsRows()
    {
        // Rows of three metrics interleaved; ids that need quoting or a formula guard; far days and rows without one;
        // MRR rows with and without subscriptions, negative movements and amounts with trailing zeros.
        string[] metrics = ["active-customers", "mrr-contraction", "new-customers"];
        string[] ids = ["c1", "a,b", "=SUM(A1)", "-12.5", "say \"hi\"", "plain-id", "Zoë"];
        var rows = new List<CustomerListRow>();
        var table = new CustomerListTable();
        for (var i = 0; i < 5_000; i++)
        {
            var metric = metrics[i % 3];
            var month = 1 + (i % 12);
            var start = new DateOnly(2025, month, 1);
            var row = new CustomerListRow(
                metric,
                i % 4 == 0 ? "quarter" : "month",
                string.Create(CultureInfo.InvariantCulture, $"2025-{month:D2}"),
                start,
                ids[i % ids.Length] + (i % 50).ToString(CultureInfo.InvariantCulture),
                (i % 5) switch { 0 => null, 1 => start.AddDays(40_000), _ => start.AddDays(i % 28) });
            if (metric == "mrr-contraction")
            {
                row = row with
                {
                    MrrBefore = 100.50m + i,
                    MrrAfter = 90.5000m,
                    Movement = -10.00m - i,
                    Subscriptions = i % 2 == 0 ? ["s" + i, "t,q"] : [],
                };
            }

            rows.Add(row);
            table.Add(row);
        }

        foreach (var metric in metrics.Append("reactivated-customers"))
        {
            using var fromTable = new StringWriter(CultureInfo.InvariantCulture);
            Lists.WriteCsv(fromTable, table, metric);

            Assert.Equal(Lists.WriteCsv(rows.Where(r => r.Metric == metric)), fromTable.ToString());
        }

        using var contraction = new StringWriter(CultureInfo.InvariantCulture);
        Lists.WriteCsv(contraction, table, "mrr-contraction");
        Assert.Contains("\"'=SUM(A1)", contraction.ToString(), StringComparison.Ordinal);
        Assert.Contains(",-11.00,", contraction.ToString(), StringComparison.Ordinal);
    }
}
