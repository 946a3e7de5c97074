using System.Text.Json;
using Centric.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Centric.Cli.Tests.RealData;

/// <summary>
/// An Olist-shaped orders export (Brazil: Portuguese column names, Olist's statuses, São Paulo times, BRL) read with a
/// long-form mapping.json and no reportingCurrency: only the two truly invalid rows are rejected, and revenue and orders
/// per complete month equal a sum taken over the file independently of the product.
/// </summary>
public class OlistComputeTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private static TempFolder OlistExports(string csv) => new TempFolder("olist")
        .Write("orders/" + OlistExport.FileName, csv.TrimEnd('\n'))
        .Write("mapping.json", OlistExport.MappingJson)
        .Write("settings.json", OlistExport.SettingsJson);

    [Fact]
    public void Compute_OlistExport_RejectsOnlyInvalidRows_AndMonthlyRevenueAndOrdersMatchTheFileInBrl()
    {
        var csv = OlistExport.OrdersCsv();
        using var exports = OlistExports(csv);

        var run = CliRun.Of(Clock, "compute", "--exports", exports.Root, "--out", exports.Beside("out"));

        Assert.True(run.ExitCode == 0, run.Err);
        var ingestion = Assert.Single(JsonDocument.Parse(File.ReadAllText(Path.Combine(exports.Beside("out"), "ingestions.json"))).RootElement.EnumerateArray());
        Assert.Equal(2, ingestion.GetProperty("rejected").GetInt64());
        var rejects = CsvTable.Parse(File.ReadAllText(Path.Combine(exports.Beside("out"), "rejects.csv")));
        Assert.Equal(["amount", "order_date"], rejects.Skip(1).Select(r => r[2]).Order());
        Assert.DoesNotContain("fx rate", run.Err, StringComparison.Ordinal);

        var rows = JsonDocument.Parse(File.ReadAllText(Path.Combine(exports.Beside("out"), "snapshots.json"))).RootElement.EnumerateArray()
            .Where(r => r.GetProperty("grain").GetString() == "month" && r.GetProperty("segment").GetString() == "*")
            .ToArray();
        var expected = OlistExport.MonthlyTotals(csv);
        var complete = rows.Where(r => r.GetProperty("metric").GetString() == "revenue" && !r.GetProperty("partial").GetBoolean()).ToArray();
        Assert.Equal(["2017-01", "2017-02", "2017-03", "2017-04", "2017-05"], complete.Select(r => r.GetProperty("period").GetString()));
        foreach (var revenue in complete)
        {
            var period = revenue.GetProperty("period").GetString()!;
            var orders = rows.Single(r => r.GetProperty("metric").GetString() == "orders" && r.GetProperty("period").GetString() == period);
            Assert.Equal(expected[period].Revenue, revenue.GetProperty("value").GetDecimal());
            Assert.Equal(expected[period].Orders, orders.GetProperty("value").GetDecimal());
            Assert.Equal("BRL", revenue.GetProperty("unit").GetString());
            Assert.Equal(JsonValueKind.Null, revenue.GetProperty("warning").ValueKind);
        }
    }

    [Fact]
    public void OlistExport_IsTheSameForTheSameSeed_AndHoldsEveryOlistStatus()
    {
        var csv = OlistExport.OrdersCsv();

        Assert.Equal(csv, OlistExport.OrdersCsv());
        var statuses = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[3]).ToHashSet();
        Assert.Superset(new HashSet<string>(["processing", "invoiced", "approved", "created", "unavailable", "delivered", "shipped", "canceled"]), statuses);
    }
}
