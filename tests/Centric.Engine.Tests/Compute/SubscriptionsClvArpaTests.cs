using Centric.Domain.Datasets;
using Centric.Domain.Metrics;
using Centric.Engine.Compute;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// clv-arpa over subscriptions (EUR, as of 2025-08-31): ten customers pay 10 from Jan 1; c0 cancels on Feb 15 and c1 on
/// Apr 10; c10 starts at 20 on Aug 31. Monthly churn (start) February to July: 1/10, 0/9, 1/9, 0/8, 0/8, 0/8, mean 19/540.
/// August's ARPA is MRR 8 × 10 + 20 over 9 active customers = 100/9, so clv-arpa = (100/9) ÷ (19/540) = 54000/171.
/// </summary>
public sealed class SubscriptionsClvArpaTests : IDisposable
{
    private readonly CuratedFolder _curated = new CuratedFolder()
        .Subscriptions([
            .. Enumerable.Range(0, 10).Select(c => (
                $"s{c}", $"c{c}", "2025-01-01 00:00:00", c switch { 0 => "2025-02-15 00:00:00", 1 => "2025-04-10 00:00:00", _ => (string?)null }, 10m, (string?)"EUR")),
            ("s10", "c10", "2025-08-31 00:00:00", null, 20m, "EUR"),
        ]);

    private readonly ComputeResult _result;

    public SubscriptionsClvArpaTests() => _result = DatasetComputer.Compute(CuratedFiles.FromFolder(_curated.Root), DatasetSettings.Default);

    public void Dispose() => _curated.Dispose();

    private MetricValue Row(string metric, string period) =>
        Assert.Single(_result.Values, v => v.Metric == metric && v.Period.Label == period && v.Segment == "*" && v.Period.Grain == Domain.Time.Grain.Month);

    [Fact]
    public void ClvArpa_IsMrrArpaOverTheMeanMonthlyStartChurnOfTheSixMonthsBefore()
    {
        Assert.Equal(new DateOnly(2025, 8, 31), _result.AsOf);
        var arpa = Row("arpa", "2025-08");
        Assert.Equal((100m, 9m), (arpa.Numerator!.Value, arpa.Denominator!.Value));
        var clv = Row("clv-arpa", "2025-08");
        Assert.Equal(Ratio.Round(100m / 9m), clv.Numerator);
        Assert.Equal(Ratio.Round(19m / 540m), clv.Denominator);
        Assert.Equal(Ratio.Round(54000m / 171m), clv.Value);
        // July's six months start with January, which had nobody at its start.
        Assert.Null(Row("clv-arpa", "2025-07").Value);
        Assert.Equal(10m, Assert.Single(_result.Values, v => v.Metric == "churn-rate" && v.Preset == "start" && v.Period.Label == "2025-02" && v.Segment == "*").Value);
    }
}
