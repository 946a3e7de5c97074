using Centric.Domain.Clv;
using Centric.Domain.Datasets;
using Centric.Domain.Families.PredictedClv;
using Centric.Domain.Metrics;
using Centric.Domain.Segments;
using Centric.Domain.Tests.Clv;
using Centric.Domain.Time;

namespace Centric.Domain.Tests.Families.PredictedClv;

/// <summary>
/// The per-period CLV rows of the CDNOW 1/10 sample as of 1997-09-30 (nine months, three quarters and the year to date),
/// with customers cut into segments by their id: fitting several ends at once gives the same rows as fitting them one
/// by one, and every row's sums are those of each end fitted on its own and summed customer by customer.
/// </summary>
public class PredictedClvMetricsTests
{
    private static readonly DateOnly AsOf = CdnowData.CalibrationEnd;
    private static readonly ClvSettings Settings = new();
    private static readonly Grain[] Grains = [Grain.Month, Grain.Quarter, Grain.Year];

    private static readonly IReadOnlyList<Transaction> Transactions = [.. CdnowData.Sample.Where(t => t.Day <= AsOf)];

    /// <summary>Even ids in one segment, odd in another, ids ending in 0 in a third as well, ids ending in 7 in none.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> Segments = Transactions
        .Select(t => t.CustomerId)
        .Distinct()
        .Where(id => !id.EndsWith('7'))
        .ToDictionary(id => id, IReadOnlyList<string> (id) => (id[^1] - '0') % 2 == 0
            ? id.EndsWith('0') ? ["parity:even", "last:0"] : ["parity:even"]
            : ["parity:odd"]);

    private static readonly ClvFit AsOfFit = ClvFitter.FitAt(Transactions, AsOf, Settings);

    private static IReadOnlyList<MetricValue> Rows(int parallelFits) =>
        new PredictedClvMetrics(new PeriodCalendar(), Settings) { MaxParallelFits = parallelFits }
            .Compute(Transactions, Segments, AsOf, AsOfFit, Grains);

    [Fact]
    public void FittingEndsAtOnce_GivesTheRowsOfFittingThemOneByOne()
    {
        var oneByOne = Rows(1);

        Assert.Equal(13 * 4 * 4, oneByOne.Count); // 13 periods × 4 segments (*, even, odd, last:0) × 4 metrics
        Assert.Equal(oneByOne, Rows(2));
        Assert.Equal(oneByOne, Rows(5));
    }

    [Fact]
    public void EveryRow_SumsTheScoresOfItsEndFittedOnItsOwn()
    {
        var rows = Rows(2);
        var ends = rows.Select(r => End(r.Period)).Distinct().Order().ToList();
        Assert.Equal(9, ends.Count); // 1997-01-31 … 1997-08-31 and the as-of date; quarters and the year share them
        var fits = ends.Select(e => e == AsOf ? AsOfFit : ClvFitter.FitAt(Transactions, e, Settings, near: AsOfFit)).ToList();
        Assert.All(fits, f => Assert.True(f.Status.Converged && f.SpendStatus!.Converged, $"{f.CalibrationEnd}: {f.Status.Message}"));

        foreach (var row in rows)
        {
            var scores = fits[ends.IndexOf(End(row.Period))].Scores
                .Where(s => row.Segment == SegmentKeys.All || (Segments.TryGetValue(s.CustomerId, out var keys) && keys.Contains(row.Segment)))
                .ToList();
            var (numerator, denominator) = row.Metric switch
            {
                PredictedClvFamily.PAlive => (Sum(scores.Select(s => s.PAlive)), scores.Count(s => s.PAlive is not null)),
                PredictedClvFamily.ExpectedPurchases => (Sum(scores.Select(s => s.ExpectedPurchases)), scores.Count(s => s.ExpectedPurchases is not null)),
                _ => (scores.Aggregate(0m, (sum, s) => sum + s.Clv!.Value), scores.Count(s => s.Clv is not null)),
            };

            Assert.Equal(scores.Count, scores.Count(s => s.PAlive is not null && s.Clv is not null));
            Assert.Equal(Ratio.Round(numerator), row.Numerator);
            Assert.Equal(row.Metric == PredictedClvFamily.ClvPredictedTotal ? null : denominator, row.Denominator);
            Assert.Equal(row.Segment != SegmentKeys.All && scores.Count < SegmentKeys.LowSampleThreshold, row.LowSample);
        }
    }

    private static DateOnly End(Period period) => period.LastDay < AsOf ? period.LastDay : AsOf;

    private static decimal Sum(IEnumerable<double?> values) => values.Aggregate(0m, (sum, v) => sum + (decimal)v!.Value);
}
