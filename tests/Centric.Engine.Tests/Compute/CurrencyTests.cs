using Centric.Domain.Datasets;
using Centric.Domain.Metrics;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

public class CurrencyTests
{
    private static readonly DatasetSettings InEuros = new() { InactivityDays = 30, ReportingCurrency = "EUR" };
    private static readonly DatasetSettings Unset = new() { InactivityDays = 30 };
    private static readonly string[] MoneyMetrics = ["revenue", "aov", "arpa", "clv-simple"];

    private static MetricValue Find(ComputeResult result, string metric, string period, string segment = "*") =>
        Assert.Single(result.Values, v => v.Metric == metric && v.Period.Label == period && v.Segment == segment
            && v.Preset is null && v.Period.Grain == Domain.Time.Grain.Month);

    [Fact]
    public void Convertible_AmountsUseTheLatestRateOnOrBeforeTheirDay()
    {
        using var curated = new CuratedFolder()
            .Orders(("o1", "c1", "2025-03-10 10:00:00", 100m, "USD", null), ("o2", "c2", "2025-03-11 10:00:00", 10m, "USD", null),
                ("o3", "c3", "2025-03-12 10:00:00", 5m, "EUR", null))
            .FxRates(("2025-03-01", "USD", 0.9m), ("2025-03-11", "USD", 0.5m));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), InEuros);

        var revenue = Find(result, "revenue", "2025-03");
        Assert.Equal((100m, null), (revenue.Value, revenue.Warning));
        Assert.Equal("EUR", result.ReportingCurrency);
        Assert.Equal("EUR", Generations.Rows(result, "d", "g", DateTimeOffset.UnixEpoch).First(r => r.Metric == "revenue").Unit);
        Assert.DoesNotContain(result.Values, v => v.Warning is not null);
    }

    [Fact]
    public void NotConvertible_MoneyMetricsOfThePeriodAreNullWithAWarning_CountsStand()
    {
        using var curated = new CuratedFolder()
            .Orders(("o1", "c1", "2025-02-10 10:00:00", 100m, "USD", null), ("o2", "c2", "2025-03-11 10:00:00", 10m, "GBP", null),
                ("o3", "c2", "2025-03-20 10:00:00", -4m, "GBP", "refunded"), ("o4", "c1", "2025-03-25 10:00:00", 7m, "EUR", null))
            .FxRates(("2025-02-01", "USD", 0.9m))
            .Customers(("c1", "ES", null), ("c2", "IT", null));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), InEuros);

        foreach (var metric in MoneyMetrics)
        {
            var row = Find(result, metric, "2025-03");
            Assert.Null(row.Value);
            Assert.Equal(
                "2 amounts in GBP from 2025-03-11 have no fx rate to EUR on or before their day: the value is unknown (not 0) until an fx-rates export converts them to EUR.",
                row.Warning);
        }

        Assert.Null(Find(result, "revenue", "2025-03", "country:IT").Value);
        Assert.Equal((7m, null), (Find(result, "revenue", "2025-03", "country:ES").Value, Find(result, "revenue", "2025-03", "country:ES").Warning));
        Assert.Equal((90m, null), (Find(result, "revenue", "2025-02").Value, Find(result, "revenue", "2025-02").Warning));
        Assert.Equal(2m, Find(result, "orders", "2025-03").Value);
        Assert.Null(Find(result, "orders", "2025-03").Warning);
        Assert.Equal(2m, Find(result, "active-customers", "2025-03").Value);
        Assert.Contains(result.Warnings, w => w.Contains("2 amounts in GBP from 2025-03-11", StringComparison.Ordinal));
    }

    [Fact]
    public void SingleCurrency_WithoutReportingCurrency_ReportsInThatCurrency()
    {
        using var curated = new CuratedFolder()
            .Orders(("o1", "c1", "2025-03-10 10:00:00", 100.5m, "BRL", null), ("o2", "c2", "2025-03-11 10:00:00", 20m, "BRL", null));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Unset);

        Assert.Equal("BRL", result.ReportingCurrency);
        Assert.Equal((120.5m, null), (Find(result, "revenue", "2025-03").Value, Find(result, "revenue", "2025-03").Warning));
        var rows = Generations.Rows(result, "d", "g", DateTimeOffset.UnixEpoch);
        Assert.All(rows.Where(r => MoneyMetrics.Contains(r.Metric)), r => Assert.Equal("BRL", r.Unit));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("fx rate", StringComparison.Ordinal));
    }

    [Fact]
    public void SeveralCurrencies_WithoutReportingCurrency_ReportInEuros()
    {
        using var curated = new CuratedFolder()
            .Orders(("o1", "c1", "2025-03-10 10:00:00", 100m, "BRL", null), ("o2", "c2", "2025-03-11 10:00:00", 20m, "EUR", null));

        var result = DatasetComputer.Compute(CuratedFiles.FromFolder(curated.Root), Unset);

        Assert.Equal("EUR", result.ReportingCurrency);
        Assert.Null(Find(result, "revenue", "2025-03").Value);
        Assert.Contains("1 amount in BRL from 2025-03-10", Find(result, "revenue", "2025-03").Warning, StringComparison.Ordinal);
    }
}
