using Centric.Domain.Clv;
using Centric.Domain.Datasets;
using Centric.Domain.Metrics;
using Centric.Domain.Numerics;

namespace Centric.Domain.Tests.Clv;

/// <summary>
/// A period whose fit does not converge keeps the last good parameters: the CDNOW sample's fit at 1997-09-30 converges;
/// a later history of 200 customers with identical purchases (each buys on 1998-01-01, then after 5, 10 and 20 weeks,
/// $10.00 each time, observed for 30 weeks) cannot identify either model.
/// </summary>
public class ClvFallbackTests
{
    private static readonly DateOnly IdenticalEnd = new DateOnly(1998, 1, 1).AddDays(210);
    private static readonly ClvOptions Options = new();

    private static ClvFit Good() => ClvFitter.FitAt(CdnowData.Sample, CdnowData.CalibrationEnd, new ClvSettings());

    private static ClvFit Identical()
    {
        var start = new DateOnly(1998, 1, 1);
        var transactions = Enumerable.Range(0, 200)
            .SelectMany(i => new[] { 0, 35, 70, 140 }.Select(d => new Transaction($"c{i}", start.AddDays(d), 10m)))
            .ToList();
        return ClvFitter.FitAt(transactions, IdenticalEnd, new ClvSettings());
    }

    [Fact]
    public void NonConvergedFit_AfterAConvergedOne_IsScoredWithTheEarlierParametersAndSaysSo()
    {
        var good = Good();
        var failed = Identical();
        Assert.True(good.Status.Converged && good.SpendStatus!.Converged, good.Status.Message);
        Assert.NotEqual(FitOutcome.Converged, failed.Status.Outcome);
        Assert.NotEqual(FitOutcome.Converged, failed.SpendStatus!.Outcome);

        var usable = ClvFallback.Choose([good, failed], Options);

        Assert.Same(good.Scores, usable[0].Scores);
        Assert.Null(usable[0].MoneyWarning);
        var expected = ClvCalculator.Score(failed.Summaries, good.Model!, good.Spend, Options);
        Assert.Equal(expected, usable[1].Scores);
        Assert.All(usable[1].Scores, s => Assert.NotNull(s.Clv));
        Assert.StartsWith("BG/NBD ", usable[1].ModelWarning, StringComparison.Ordinal);
        Assert.Contains($"for calibration end 1998-07-30 ({failed.Status.Message}); the parameters of the fit at 1997-09-30 are used",
            usable[1].ModelWarning, StringComparison.Ordinal);
        Assert.Contains($"Gamma-Gamma diverged for calibration end 1998-07-30 ({failed.SpendStatus.Message}); the parameters of the fit at 1997-09-30 are used", usable[1].SpendWarning, StringComparison.Ordinal);
        Assert.Equal($"{usable[1].ModelWarning}; {usable[1].SpendWarning}", usable[1].MoneyWarning);
    }

    [Fact]
    public void NonConvergedFit_WithNoEarlierConvergedFit_HasUnknownScoresAndSaysSo()
    {
        var failed = Identical();

        var usable = ClvFallback.Choose([failed], Options);

        Assert.All(usable[0].Scores, s => Assert.True(s.PAlive is null && s.ExpectedPurchases is null && s.Clv is null));
        Assert.EndsWith("no earlier fit converged, so the values it gives are unknown", usable[0].ModelWarning, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvergedFitAfterAFailedOne_IsUsedAsItIs()
    {
        var failed = Identical() with { CalibrationEnd = new DateOnly(1997, 6, 30) };
        var good = Good();

        var usable = ClvFallback.Choose([failed, good], Options);

        Assert.NotNull(usable[0].ModelWarning);
        Assert.Same(good.Scores, usable[1].Scores);
        Assert.Null(usable[1].ModelWarning);
        Assert.Null(usable[1].SpendWarning);
    }
}
