using Centric.Domain.Clv;
using Centric.Domain.Datasets;
using Centric.Domain.Metrics;
using Centric.Domain.Numerics;
using MathNet.Numerics.Distributions;

namespace Centric.Domain.Tests.Clv;

/// <summary>
/// Pareto/NBD on customers who all share one dropout rate: the gamma distribution of dropout rates that fits them best
/// is the narrowest one, s and β grown without bound at s/β equal to that rate, so the likelihood is level along
/// s/β = const and the search stops wherever its gradient has faded. Such a fit is not converged.
/// </summary>
public class ParetoNbdRidgeTests
{
    /// <summary>The common dropout rate, per week.</summary>
    private const double DropoutRate = 0.03;

    private static readonly DateOnly End = new(2026, 6, 30);

    /// <summary>
    /// 2,000 customers first seen 26 to 52 weeks before <see cref="End"/>, purchase rates from a gamma distribution
    /// (shape 0.5, mean 0.1 a week), every lifetime exponential with the same rate <see cref="DropoutRate"/> a week,
    /// purchases on whole days (seeded, so the same data every run), and Gamma-Gamma spends (mean 20) from a second seeded stream.
    /// </summary>
    internal static List<Transaction> CommonDropout()
    {
        var random = new Random(1);
        var spending = new Random(2);
        var transactions = new List<Transaction>();
        for (var i = 0; i < 2000; i++)
        {
            var age = 182 + random.Next(183);
            var first = End.AddDays(-age);
            var rate = Gamma.Sample(random, 0.5, 35.0);
            var life = -Math.Log(1.0 - random.NextDouble()) / (DropoutRate / 7);
            var id = $"c{i:D4}";
            var meanSpend = Gamma.Sample(spending, 4.0, 0.2);
            decimal Spend() => Math.Round(0.01m + (decimal)Gamma.Sample(spending, 6.0, 6.0 / meanSpend), 2);
            transactions.Add(new Transaction(id, first, Spend()));
            for (var t = -Math.Log(1.0 - random.NextDouble()) / rate; t <= Math.Min(life, age); t += -Math.Log(1.0 - random.NextDouble()) / rate)
            {
                transactions.Add(new Transaction(id, first.AddDays((int)Math.Ceiling(t)), Spend()));
            }
        }

        return transactions;
    }

    [Fact]
    public void CommonDropoutRate_LikelihoodIsLevelAlongSOverBetaAndSteepAcrossIt()
    {
        var customers = RfmSummarizer.Summarize(CommonDropout(), End);
        double At(double s, double beta) => ParetoNbdFitter.LogLikelihood(customers, new ParetoNbdParameters(0.5, 5.0, s, beta));

        // Along s/β = 0.03 from s = 1,000 to s = 10,000,000 the log-likelihood of 2,000 customers moves by less than
        // 0.01; halving or doubling the mean dropout rate at s = 1,000 costs more than 10.
        var along = new[] { 1e3, 1e4, 1e5, 1e6, 1e7 }.Select(s => At(s, s / DropoutRate)).ToArray();
        Assert.True(along.Max() - along.Min() < 0.01, string.Join(", ", along));
        Assert.True(along[0] - At(1e3, 1e3 / (DropoutRate / 2)) > 10);
        Assert.True(along[0] - At(1e3, 1e3 / (DropoutRate * 2)) > 10);
    }

    [Fact]
    public void CommonDropoutRate_FitOnTheRidge_IsNotConverged()
    {
        var customers = RfmSummarizer.Summarize(CommonDropout(), End);

        var fit = ParetoNbdFitter.Fit(customers);

        Assert.Equal(FitOutcome.Diverged, fit.Status.Outcome);
        Assert.False(fit.Status.Converged);
        Assert.Contains("flat ridge", fit.Status.Message, StringComparison.Ordinal);
        Assert.Contains("do not identify how dropout rates vary between customers", fit.Status.Message, StringComparison.Ordinal);
        // The search stopped at a finite gradient and finite parameters (the optimiser alone calls this converged),
        // with s in the hundreds or more and s/β near the common rate: a point on the ridge, not a runaway to e^18.
        var p = fit.Parameters!;
        Assert.InRange(fit.Status.GradientNorm!.Value, 0, 1e-4);
        Assert.True(p.S > 100 && p.S < 6.6e7 && p.Beta < 6.6e7, p.ToString());
        Assert.InRange(p.S / p.Beta, 0.8 * DropoutRate, 1.2 * DropoutRate);
        // By hand: the same likelihood a thousand times further along the ridge.
        var further = ParetoNbdFitter.LogLikelihood(customers, p with { S = p.S * ParetoNbdFitter.RidgeScale, Beta = p.Beta * ParetoNbdFitter.RidgeScale });
        Assert.True(further - fit.Status.LogLikelihood!.Value > -2000 * ParetoNbdFitter.RidgeTolerance);
    }

    [Fact]
    public void CdnowSample_ParetoNbdFit_IsOffTheRidge()
    {
        var customers = CdnowData.CalibrationSummary();
        var fit = ParetoNbdFitter.Fit(customers);
        Assert.True(fit.Status.Converged, fit.Status.Message);

        // Scaling s and β by 1000 costs the 2,357 customers far more than the ridge tolerance (a heterogeneous sample).
        var p = fit.Parameters!;
        var further = ParetoNbdFitter.LogLikelihood(customers, p with { S = p.S * ParetoNbdFitter.RidgeScale, Beta = p.Beta * ParetoNbdFitter.RidgeScale });
        Assert.True(fit.Status.LogLikelihood!.Value - further > 1.0);
    }

    [Fact]
    public void RidgeFit_AfterAConvergedOne_IsScoredWithTheEarlierParametersAndSaysSo()
    {
        var settings = new ClvSettings { Model = "pareto-nbd" };
        var good = ClvFitter.FitAt(CdnowData.Sample, CdnowData.CalibrationEnd, settings);
        var ridge = ClvFitter.FitAt(CommonDropout(), End, settings);
        Assert.True(good.Status.Converged, good.Status.Message);
        Assert.Equal(FitOutcome.Diverged, ridge.Status.Outcome);
        Assert.True(ridge.SpendStatus!.Converged, ridge.SpendStatus.Message);

        var usable = ClvFallback.Choose([good, ridge], new ClvOptions());

        Assert.Null(usable[0].ModelWarning);
        Assert.StartsWith("Pareto/NBD diverged for calibration end 2026-06-30 (s and beta lie on a flat ridge", usable[1].ModelWarning, StringComparison.Ordinal);
        Assert.EndsWith("; the parameters of the fit at 1997-09-30 are used", usable[1].ModelWarning, StringComparison.Ordinal);
        var expected = ClvCalculator.Score(ridge.Summaries, good.Model!, ridge.Spend, new ClvOptions());
        Assert.Equal(expected, usable[1].Scores);
    }
}
