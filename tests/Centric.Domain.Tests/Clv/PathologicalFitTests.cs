using Centric.Domain.Clv;
using Centric.Domain.Numerics;

namespace Centric.Domain.Tests.Clv;

/// <summary>Data the models cannot learn from end in a status with domain wording, never NaN or an exception.</summary>
public class PathologicalFitTests
{
    [Fact]
    public void BgNbdAndParetoNbd_AllOneTimeBuyers_ReportInsufficientData()
    {
        var customers = Enumerable.Range(0, 50).Select(i => new CustomerSummary($"c{i}", 0, 0, 10 + i, 0m)).ToList();

        var bgnbd = BgNbdFitter.Fit(customers);
        var pareto = ParetoNbdFitter.Fit(customers);

        Assert.Equal(FitOutcome.InsufficientData, bgnbd.Status.Outcome);
        Assert.Null(bgnbd.Model);
        Assert.Contains("repeat purchase", bgnbd.Status.Message, StringComparison.Ordinal);
        Assert.Equal(FitOutcome.InsufficientData, pareto.Status.Outcome);
    }

    [Fact]
    public void BgNbd_NoCustomers_ReportsInsufficientData() =>
        Assert.Equal(FitOutcome.InsufficientData, BgNbdFitter.Fit([]).Status.Outcome);

    [Fact]
    public void BgNbdAndParetoNbd_AllIdenticalCustomers_ReportANonConvergedStatusWithFiniteNumbers()
    {
        var customers = Enumerable.Range(0, 200).Select(i => new CustomerSummary($"c{i}", 3, 20, 30, 10m)).ToList();

        var bgnbd = BgNbdFitter.Fit(customers);
        var pareto = ParetoNbdFitter.Fit(customers);

        foreach (var status in new[] { bgnbd.Status, pareto.Status })
        {
            Assert.NotEqual(FitOutcome.Converged, status.Outcome);
            Assert.False(string.IsNullOrWhiteSpace(status.Message));
            Assert.True(status.LogLikelihood is null || double.IsFinite(status.LogLikelihood.Value));
            Assert.True(status.GradientNorm is null || double.IsFinite(status.GradientNorm.Value));
        }
    }

    [Fact]
    public void GammaGamma_OnlyZeroSpendOrOneTimeBuyers_ReportsInsufficientData()
    {
        var customers = new[]
        {
            new CustomerSummary("free", 3, 20, 30, 0m),
            new CustomerSummary("once", 0, 0, 30, 0m),
        };

        var fit = GammaGammaFitter.Fit(customers);

        Assert.Equal(FitOutcome.InsufficientData, fit.Status.Outcome);
        Assert.Null(fit.Model);
    }

    [Fact]
    public void GammaGamma_IdenticalSpends_ReportsANonConvergedStatus()
    {
        var customers = Enumerable.Range(0, 100).Select(i => new CustomerSummary($"c{i}", 1 + (i % 3), 20, 30, 25m)).ToList();

        var fit = GammaGammaFitter.Fit(customers);

        Assert.NotEqual(FitOutcome.Converged, fit.Status.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(fit.Status.Message));
    }

    [Fact]
    public void Scores_FromModelsAtExtremes_HaveNoNaN()
    {
        var model = new BgNbdModel(new BgNbdParameters(0.243, 4.414, 0.3, 0.4));
        var spend = new GammaGammaModel(new GammaGammaParameters(6.25, 3.74, 15.44));
        var customers = new[]
        {
            new CustomerSummary("new", 0, 0, 0, 0m),
            new CustomerSummary("heavy", 500, 38, 38.86, 12.5m),
            new CustomerSummary("lapsed", 500, 1, 38.86, 12.5m),
        };

        var scores = ClvCalculator.Score(customers, model, spend);

        Assert.All(scores, s =>
        {
            Assert.NotNull(s.PAlive);
            Assert.True(double.IsFinite(s.ExpectedPurchases!.Value));
            Assert.NotNull(s.Clv);
        });
    }
}
