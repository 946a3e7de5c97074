using Centric.Domain.Datasets;
using Centric.Domain.Families.Subscriptions;
using Centric.Domain.Metrics;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// MRR in a currency with no rate yet (EUR reporting, as of 2025-03-05): u pays 10 EUR and v 20 GBP from Jan 1, but GBP
/// has a rate (1.2) only from Feb 1; w starts at 5 EUR on Mar 5. January's MRR cannot be known; February's MRR on Feb 28
/// is 10 + 24 = 34, but its movements compare with Jan 31 and stay unknown; March is whole again. Counts never change.
/// </summary>
public sealed class SubscriptionsConversionTests : IDisposable
{
    private readonly CuratedFolder _curated = new CuratedFolder()
        .Subscriptions(
            ("u1", "u", "2025-01-01 00:00:00", null, 10m, "EUR"),
            ("v1", "v", "2025-01-01 00:00:00", null, 20m, "GBP"),
            ("w1", "w", "2025-03-05 00:00:00", null, 5m, "EUR"))
        .FxRates(("2025-02-01", "GBP", 1.2m));

    private readonly ComputeResult _result;

    public SubscriptionsConversionTests() => _result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), DatasetSettings.Default);

    public void Dispose() => _curated.Dispose();

    private MetricValue Row(string metric, string period) =>
        Assert.Single(_result.Values, v => v.Metric == metric && v.Period.Label == period && v.Segment == "*" && v.Period.Grain == Domain.Time.Grain.Month);

    [Fact]
    public void MoneyMetrics_WithAnUnconvertedSubscription_AreNullWithAWarningNamingTheCurrency()
    {
        Assert.Equal("EUR", _result.ReportingCurrency);
        var mrr = Row(SubscriptionsFamily.Mrr, "2025-01");
        Assert.Null(mrr.Value);
        Assert.Equal(
            "1 amount in GBP from 2025-01-31 has no fx rate to EUR on or before its day: the value is unknown (not 0) until an fx-rates export converts them to EUR.",
            mrr.Warning);
        Assert.Null(Row(SubscriptionsFamily.NewMrr, "2025-01").Value);
        Assert.Null(Row("arpa", "2025-01").Value);
        Assert.Contains("GBP", Row("arpa", "2025-01").Warning, StringComparison.Ordinal);
        Assert.Equal(2m, Row("active-customers", "2025-01").Value);
        Assert.Contains(_result.Warnings, w => w.Contains("GBP", StringComparison.Ordinal));
    }

    [Fact]
    public void February_MrrIsKnown_ButItsMovementsFromJanuaryAreNot()
    {
        var mrr = Row(SubscriptionsFamily.Mrr, "2025-02");
        Assert.Equal(34m, mrr.Value);
        Assert.Null(mrr.Warning);
        Assert.Equal(17m, Row("arpa", "2025-02").Value);
        var expansion = Row(SubscriptionsFamily.ExpansionMrr, "2025-02");
        Assert.Null(expansion.Value);
        Assert.StartsWith("1 amount in GBP from 2025-01-31 has no fx rate", expansion.Warning, StringComparison.Ordinal);
        Assert.Null(Row(SubscriptionsFamily.Nrr, "2025-02").Value);
    }

    [Fact]
    public void March_IsWholeAgain()
    {
        Assert.Equal(39m, Row(SubscriptionsFamily.Mrr, "2025-03").Value);
        Assert.Equal(5m, Row(SubscriptionsFamily.NewMrr, "2025-03").Value);
        Assert.Equal(0m, Row(SubscriptionsFamily.ExpansionMrr, "2025-03").Value);
        Assert.Equal(100m, Row(SubscriptionsFamily.Nrr, "2025-03").Value);
        Assert.Equal(13m, Row("arpa", "2025-03").Value);
    }
}
