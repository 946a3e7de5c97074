using Centric.Domain.Datasets;
using Centric.Domain.Metrics;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

public class DatasetComputerTests
{
    private static readonly DatasetSettings Settings = new() { InactivityDays = 30 };

    private static MetricValue Find(ComputeResult result, string metric, string period, string segment = "*", string? preset = null) =>
        Assert.Single(result.Values, v => v.Metric == metric && v.Period.Label == period && v.Segment == segment
            && v.Preset == preset && v.Period.Grain == Domain.Time.Grain.Month);

    [Fact]
    public void CancelledAndRefundedOrders_AreNeitherPurchasesNorRevenue()
    {
        using var curated = new CuratedFolder().Orders(
            ("o1", "c1", "2025-03-01 10:00:00", 100m, "EUR", "completed"),
            ("o2", "c1", "2025-03-02 10:00:00", 50m, "EUR", "cancelled"),
            ("o3", "c2", "2025-03-03 10:00:00", 70m, "EUR", "refunded"),
            ("o4", "c2", "2025-03-20 09:00:00", -20m, "EUR", "completed"));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings);

        Assert.Equal(new DateOnly(2025, 3, 20), result.AsOf);
        Assert.Equal(80m, Find(result, "revenue", "2025-03").Value);
        Assert.Equal(1m, Find(result, "orders", "2025-03").Value);
        Assert.Equal(1m, Find(result, "new-customers", "2025-03").Value);
        Assert.Equal(1m, Find(result, "active-customers", "2025-03").Value);
    }

    [Fact]
    public void LaterIngestion_OfTheSameOrder_ReplacesTheEarlierRow()
    {
        using var curated = new CuratedFolder()
            .Orders(("o1", "c1", "2025-03-01 10:00:00", 100m, null, null), ("o2", "c2", "2025-03-05 10:00:00", 40m, null, null))
            .Orders(("o1", "c1", "2025-03-01 10:00:00", 120m, null, "completed"), ("o2", "c2", "2025-03-05 10:00:00", 40m, null, "cancelled"));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings);

        Assert.Equal(120m, Find(result, "revenue", "2025-03").Value);
        Assert.Equal(1m, Find(result, "new-customers", "2025-03").Value);
    }

    [Fact]
    public void ForeignCurrency_IsConvertedAtTheLatestRateOnOrBeforeTheOrderDay()
    {
        using var curated = new CuratedFolder()
            .Orders(("o1", "c1", "2025-03-10 10:00:00", 100m, "USD", null), ("o2", "c2", "2025-03-11 10:00:00", 10m, "GBP", null))
            .FxRates(("2025-03-01", "USD", 0.9m), ("2025-03-11", "USD", 0.5m));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings);

        Assert.Equal(90m, Find(result, "revenue", "2025-03").Value);
        Assert.Equal(2m, Find(result, "orders", "2025-03").Value);
        Assert.Contains(result.Warnings, w => w.Contains("1 orders", StringComparison.Ordinal));
    }

    [Fact]
    public void CustomersExport_DefinesSegments()
    {
        using var curated = new CuratedFolder()
            .Orders(("o1", "c1", "2025-03-01 10:00:00", 100m, null, null), ("o2", "c2", "2025-03-05 10:00:00", 40m, null, null))
            .Customers(("c1", "ES", "smb"), ("c2", "IT", null));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings);

        Assert.Equal(100m, Find(result, "revenue", "2025-03", "country:ES").Value);
        Assert.Equal(40m, Find(result, "revenue", "2025-03", "country:IT").Value);
        Assert.Equal(100m, Find(result, "revenue", "2025-03", "segment:smb").Value);
    }

    [Fact]
    public void NoOrders_GivesNoValuesAndSaysSo()
    {
        using var curated = new CuratedFolder();

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings);

        Assert.Null(result.AsOf);
        Assert.Empty(result.Values);
        Assert.NotEmpty(result.Warnings);
    }

    [Theory]
    [InlineData("2025-04-30", "2025-04-30")]
    [InlineData("2025-03-01", "2025-04-05")]
    public void AsOf_NotBefore_KeepsALaterPublishedDate_ButFollowsNewerData(string notBefore, string expected)
    {
        using var curated = new CuratedFolder().Orders(
            ("o1", "c1", "2025-03-01 10:00:00", 100m, null, null), ("o2", "c1", "2025-04-05 10:00:00", 40m, null, null));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings, notBefore: DateOnly.Parse(notBefore, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.AsOf);
    }

    [Fact]
    public void AsOf_WhenGiven_IgnoresLaterOrders()
    {
        using var curated = new CuratedFolder().Orders(
            ("o1", "c1", "2025-03-01 10:00:00", 100m, null, null), ("o2", "c1", "2025-04-05 10:00:00", 40m, null, null));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings, new DateOnly(2025, 3, 31));

        Assert.DoesNotContain(result.Values, v => v.Period.Label == "2025-04");
        Assert.Equal(100m, Find(result, "revenue", "2025-03").Value);
    }

    [Fact]
    public void TwoFrequentBuyers_InSixWeeks_AreComputed_WithoutAnOverflowingPrediction()
    {
        // Two customers, seven orders each within six weeks: the purchase model fitted on them can expect an
        // astronomically large number of purchases; the dataset must still compute, with such a number left undefined.
        var orders = Enumerable.Range(0, 14).Select(i => (
            $"o{i}", i % 2 == 0 ? "a" : "b", new DateOnly(2025, 3, 1).AddDays(i * 3).ToString("yyyy-MM-dd 10:00:00", System.Globalization.CultureInfo.InvariantCulture),
            20m + i, (string?)null, (string?)null)).ToArray();
        using var curated = new CuratedFolder().Orders(orders);

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Settings);

        Assert.NotEmpty(result.Values);
        Assert.All(result.Values.Where(v => v.Metric == "expected-purchases"), v => Assert.True(v.Value is null or < 1_000_000_000_000m));
    }
}
