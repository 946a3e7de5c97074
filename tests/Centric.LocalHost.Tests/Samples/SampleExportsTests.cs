using System.Globalization;
using Centric.Engine.Samples;

namespace Centric.LocalHost.Tests.Samples;

public class SampleExportsTests
{
    private static readonly SampleOptions Default = new();

    private static readonly Lazy<string> DefaultOrders = new(() => Orders(Default));
    private static readonly Lazy<string> DefaultCustomers = new(() => Customers(Default));

    private static string Orders(SampleOptions options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SampleExports.WriteOrdersCsv(writer, options);
        return writer.ToString();
    }

    private static string Customers(SampleOptions options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SampleExports.WriteCustomersCsv(writer, options);
        return writer.ToString();
    }

    private static List<string[]> Rows(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToList();

    [Fact]
    public void Defaults_AreThreeThousandCustomersOverThreeYearsEndingOnOctober31st2026()
    {
        Assert.Equal(3000, Default.Customers);
        Assert.Equal(new DateOnly(2026, 10, 31), Default.End);
        Assert.Equal(new DateOnly(2023, 11, 1), Default.Start);
        Assert.Equal(7, Default.Seed);
        Assert.Equal(500, new SampleOptions(Customers: 500).Customers);
    }

    [Fact]
    public void Files_StartWithTheCanonicalHeaders()
    {
        Assert.StartsWith("order_id,customer_id,order_date,amount,currency,status,shipped_at,delivered_at\n", DefaultOrders.Value, StringComparison.Ordinal);
        Assert.StartsWith("customer_id,created_at,country,segment,plan,channel,name,email\n", DefaultCustomers.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void SameSeed_GivesIdenticalFiles_AnotherSeedDoesNot()
    {
        Assert.Equal(DefaultOrders.Value, Orders(new SampleOptions()));
        Assert.Equal(DefaultCustomers.Value, Customers(new SampleOptions()));
        Assert.NotEqual(DefaultOrders.Value, Orders(new SampleOptions(Seed: 8)));
        Assert.NotEqual(DefaultCustomers.Value, Customers(new SampleOptions(Seed: 8)));
    }

    [Fact]
    public void Customers_OneRowEach_InFiveCountries_WithExampleEmails_CreatedInsideTheHistory()
    {
        var rows = Rows(DefaultCustomers.Value);

        Assert.Equal(3000, rows.Count);
        Assert.All(rows, row => Assert.Equal(8, row.Length));
        Assert.Equal(3000, rows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(["DE", "ES", "FR", "IT", "US"], rows.Select(r => r[2]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["enterprise", "mid-market", "smb"], rows.Select(r => r[3]).Distinct().Order(StringComparer.Ordinal));
        Assert.True(rows.Select(r => r[5]).Distinct().Count() >= 4);
        Assert.All(rows, row => Assert.EndsWith("@example.com", row[7], StringComparison.Ordinal));
        Assert.All(rows, row => Assert.InRange(DateOnly.ParseExact(row[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), Default.Start, Default.End));
        var perYear = rows.GroupBy(r => r[1][..4]).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(perYear["2026"] > perYear["2024"], "acquisition grows over time");
    }

    [Fact]
    public void Orders_AreRealistic_RepeatPurchasesCancellationsRefundsSameDayDoublesAndCredits()
    {
        var rows = Rows(DefaultOrders.Value);
        var customers = Rows(DefaultCustomers.Value).ToDictionary(r => r[0], r => r);

        Assert.InRange(rows.Count, 6_000, 40_000);
        Assert.All(rows, row => Assert.Equal(8, row.Length));
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
        Assert.All(rows, row => Assert.True(customers.ContainsKey(row[1]), $"order {row[0]} names an unknown customer {row[1]}"));
        Assert.All(rows, row => Assert.InRange(DateOnly.ParseExact(row[2], "yyyy-MM-dd", CultureInfo.InvariantCulture), Default.Start, Default.End));
        Assert.All(rows, row => Assert.Equal(customers[row[1]][2] == "US" ? "USD" : "EUR", row[4]));

        var statuses = rows.GroupBy(r => r[5]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["cancelled", "completed", "refunded"], statuses.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(statuses["cancelled"] / (double)rows.Count, 0.02, 0.07);
        Assert.InRange(statuses["refunded"] / (double)rows.Count, 0.015, 0.05);
        Assert.All(rows.Where(r => r[5] == "cancelled"), row => Assert.Equal(string.Empty, row[6] + row[7]));

        var amounts = rows.Select(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(amounts, a => a < 0);
        Assert.True(amounts.Count(a => a < 0) < rows.Count / 50, "credits are rare");
        Assert.All(rows, row => Assert.Matches(@"^-?\d+\.\d{2}$", row[3]));

        Assert.Contains(rows.GroupBy(r => (r[1], r[2])), g => g.Count() >= 2);
        var repeaters = rows.GroupBy(r => r[1]).Count(g => g.Count() >= 2);
        Assert.InRange(repeaters / (double)customers.Count, 0.4, 0.95);
        var shipped = rows.Where(r => r[6].Length > 0).ToList();
        Assert.All(shipped, row => Assert.True(string.CompareOrdinal(row[6], row[2]) > 0));
        Assert.All(shipped.Where(r => r[7].Length > 0), row => Assert.True(string.CompareOrdinal(row[7], row[6]) > 0));
    }

    [Fact]
    public void OrdersTarget_GivesRoughlyThatManyRows()
    {
        var written = SampleExports.WriteOrdersCsv(TextWriter.Null, new SampleOptions(Customers: 5_000, Orders: 100_000));

        Assert.InRange(written, 95_000, 105_000);
    }

    [Fact]
    public void WriteOrdersCsv_ReturnsTheRowCount()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        var written = SampleExports.WriteOrdersCsv(writer, new SampleOptions(Customers: 200));

        Assert.Equal(Rows(writer.ToString()).Count, written);
    }
}
