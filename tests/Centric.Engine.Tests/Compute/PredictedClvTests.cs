using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Domain.Families.Orders;
using Centric.Domain.Families.PredictedClv;
using Centric.Domain.Metrics;
using Centric.Engine.Compute;
using Centric.Engine.Ingestion;
using Centric.Engine.Samples;

namespace Centric.Engine.Tests.Compute;

/// <summary>The generated sample dataset, ingested and computed: predictive CLV per period, tiers, scores, holdout.</summary>
public sealed class PredictedClvTests : IClassFixture<PredictedClvTests.SampleResult>
{
    private readonly ComputeResult _result;

    public PredictedClvTests(SampleResult sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        _result = sample.Result;
    }

    [Fact]
    public void AsOfFit_Converges_AndScoresEveryBuyer()
    {
        Assert.NotNull(_result.Clv);
        Assert.True(_result.Clv.Status.Converged, _result.Clv.Status.Message);
        Assert.NotNull(_result.Clv.SpendParameters);
        // Buyers only: customers whose orders were all cancelled, refunded or credits have no purchase day.
        var buyers = _result.Values.Where(v => v.Metric == OrdersFamily.NewCustomers && v.Segment == "*" && v.Period.Grain == Domain.Time.Grain.Month)
            .Sum(v => v.Value!.Value);
        Assert.Equal(buyers, _result.Scores.Count);
        Assert.True(_result.Scores.Count < _result.Customers);
        Assert.All(_result.Scores, s =>
        {
            Assert.InRange(s.PAlive!.Value, 0, 1);
            Assert.True(s.Clv >= 0);
        });
    }

    [Fact]
    public void Tiers_SplitCustomersTwentyThirtyFifty()
    {
        var byTier = _result.Scores.GroupBy(s => s.Tier).ToDictionary(g => g.Key!, g => g.Count());
        var total = _result.Scores.Count;

        Assert.Equal(Math.Round(total * 0.2, MidpointRounding.AwayFromZero), byTier["high"]);
        Assert.Equal(Math.Round(total * 0.5, MidpointRounding.AwayFromZero) - byTier["high"], byTier["mid"]);
        Assert.Equal(total - byTier["high"] - byTier["mid"], byTier["low"]);
        var lowestHigh = _result.Scores.Where(s => s.Tier == "high").Min(s => s.Clv);
        var highestMid = _result.Scores.Where(s => s.Tier == "mid").Max(s => s.Clv);
        Assert.True(lowestHigh >= highestMid);
    }

    [Fact]
    public void ClvPredicted_IsTheMeanOfTheScores_AtTheAsOfDate()
    {
        var period = new Domain.Time.PeriodCalendar().PeriodOf(Domain.Time.Grain.Month, _result.AsOf!.Value).Label;
        var row = Assert.Single(_result.Values, v => v.Metric == PredictedClvFamily.ClvPredicted && v.Segment == "*" && v.Period.Label == period
            && v.Period.Grain == Domain.Time.Grain.Month);

        var expectedTotal = _result.Scores.Sum(s => s.Clv!.Value);
        Assert.Equal(Ratio.Round(expectedTotal), row.Numerator);
        Assert.Equal(_result.Scores.Count, row.Denominator);
        Assert.Equal(Ratio.Round(expectedTotal / _result.Scores.Count), row.Value);
        Assert.True(row.Partial || row.Period.LastDay == _result.AsOf);
    }

    [Fact]
    public void ClvTier_IsASegmentOfEveryMetric()
    {
        Assert.Contains(_result.Values, v => v.Metric == OrdersFamily.Revenue && v.Segment == "clv-tier:high");
        Assert.Contains(_result.Values, v => v.Metric == PredictedClvFamily.ClvPredicted && v.Segment == "clv-tier:low");
        Assert.Contains(_result.Values, v => v.Metric == OrdersFamily.ChurnRate && v.Segment.StartsWith("country:", StringComparison.Ordinal));
    }

    [Fact]
    public void EarlierPeriods_AreFittedOnTheirOwnPast()
    {
        var months = _result.Values.Where(v => v.Metric == PredictedClvFamily.ExpectedPurchases && v.Segment == "*" && v.Period.Grain == Domain.Time.Grain.Month).ToArray();

        Assert.Equal(PredictedClvMetrics.RecentMonths, months.Length);
        Assert.True(months.Select(m => m.Denominator).Distinct().Count() > 1, "Customers scored grow as periods move forward.");
    }

    [Fact]
    public void Holdout_ComparesPredictedWithActualRepeatPurchases()
    {
        var holdout = _result.Clv!.Holdout;

        Assert.NotNull(holdout);
        Assert.True(holdout.Predicted > 0);
        Assert.True(holdout.Actual > 0);
        Assert.Equal(8, holdout.ByFrequency.Count);
    }

    [Fact]
    public void SampleFxRates_ConvertEveryForeignOrder() =>
        Assert.DoesNotContain(_result.Warnings, w => w.Contains("currency", StringComparison.Ordinal));

    [Fact]
    public void NoValue_IsEverNaNOrInfinite()
    {
        Assert.All(_result.Scores, s =>
        {
            Assert.True(s.PAlive is null || double.IsFinite(s.PAlive.Value));
            Assert.True(s.ExpectedPurchases is null || double.IsFinite(s.ExpectedPurchases.Value));
        });
    }

    /// <summary>Ingests and computes the sample once for the class.</summary>
    public sealed class SampleResult : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("centric-sample-").FullName;

        public SampleResult()
        {
            var options = new SampleOptions(Customers: 1500);
            Ingest(ExportKind.Orders, w => SampleExports.WriteOrdersCsv(w, options));
            Ingest(ExportKind.Customers, w => SampleExports.WriteCustomersCsv(w, options));
            Ingest(ExportKind.FxRates, w => SampleExports.WriteFxRatesCsv(w, options));
            Result = DatasetComputer.Compute(CuratedFiles.FromFolder(Path.Combine(_folder, "curated")), DatasetSettings.Default);
        }

        public ComputeResult Result { get; }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private void Ingest(ExportKind kind, Action<TextWriter> write)
        {
            var source = Path.Combine(_folder, kind.ToSlug() + ".csv");
            using (var writer = new StreamWriter(source))
            {
                write(writer);
            }

            var curated = Directory.CreateDirectory(Path.Combine(_folder, "curated", kind.ToSlug())).FullName;
            var result = new ExportIngestor().Ingest(new IngestRequest(
                source, Path.GetFileName(source), kind, DatasetSettings.Default, null, "0001-" + kind.ToSlug(),
                new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), Path.Combine(curated, "0001.parquet"), Path.Combine(_folder, kind.ToSlug() + "-rejects.csv")));
            Assert.Equal(IngestionStatus.Succeeded, result.Status);
        }
    }
}
