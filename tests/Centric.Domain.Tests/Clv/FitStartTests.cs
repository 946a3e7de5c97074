using Centric.Domain.Clv;
using Centric.Domain.Numerics;

namespace Centric.Domain.Tests.Clv;

public class FitStartTests
{
    private static readonly IReadOnlyList<CustomerSummary> Customers =
        BgNbdSimulator.Simulate(new BgNbdParameters(0.25, 4.0, 0.8, 2.5), 5000, 30, 39, seed: 11);

    [Fact]
    public void BgNbd_StartedNearTheOptimum_FindsTheSameParametersInFewerIterations()
    {
        var cold = BgNbdFitter.Fit(Customers);
        var p = cold.Parameters!;

        var warm = BgNbdFitter.Fit(Customers, new FitOptions { Start = [p.R * 1.1, p.Alpha * 0.9, p.A * 1.1, p.B * 0.9] });

        Assert.True(warm.Status.Converged, warm.Status.Message);
        Assert.Equal(p.R, warm.Parameters!.R, 3);
        Assert.Equal(p.Alpha, warm.Parameters.Alpha, 2);
        Assert.Equal(p.A, warm.Parameters.A, 3);
        Assert.Equal(p.B, warm.Parameters.B, 2);
        Assert.True(warm.Status.Iterations < cold.Status.Iterations, $"warm {warm.Status.Iterations} vs cold {cold.Status.Iterations}");
    }

    [Theory]
    [InlineData(new[] { 1.0, 2.0 })]
    [InlineData(new[] { 1.0, -2.0, 1.0, 1.0 })]
    [InlineData(new[] { 1.0, double.NaN, 1.0, 1.0 })]
    public void BgNbd_UnusableStart_FallsBackToTheDefaultStart(double[] start)
    {
        var fallback = BgNbdFitter.Fit(Customers, new FitOptions { Start = start });
        var cold = BgNbdFitter.Fit(Customers);

        Assert.Equal(cold.Status.Iterations, fallback.Status.Iterations);
        Assert.Equal(cold.Parameters, fallback.Parameters);
    }

    /// <summary>A start is taken only from a converged model of the kind being fitted.</summary>
    [Fact]
    public void StartFrom_TakesOnlyAConvergedModelOfTheSameKind()
    {
        var converged = BgNbdFitter.Fit(Customers);
        var fit = new Centric.Domain.Metrics.ClvFit(
            new DateOnly(2025, 1, 1), TransactionModelKind.BgNbd, TimeUnit.Week, Customers, converged.Model, converged.Status, null, null, []);
        var p = converged.Parameters!;

        Assert.Equal([p.R, p.Alpha, p.A, p.B], Centric.Domain.Metrics.ClvFitter.StartFrom(fit, TransactionModelKind.BgNbd)!.Start);
        Assert.Null(Centric.Domain.Metrics.ClvFitter.StartFrom(fit, TransactionModelKind.ParetoNbd));
        Assert.Null(Centric.Domain.Metrics.ClvFitter.StartFrom(fit with { Status = converged.Status with { Outcome = FitOutcome.NotConverged } }, TransactionModelKind.BgNbd));
        Assert.Null(Centric.Domain.Metrics.ClvFitter.StartFrom(null, TransactionModelKind.BgNbd));
    }

    /// <summary>
    /// A calibration end is started from its neighbouring fit's models only where they converged: started from a
    /// neighbour whose models did not, the fit is the one made alone, to the bit; from a converged neighbour it takes
    /// fewer evaluations.
    /// </summary>
    [Fact]
    public void FitAt_StartsFromANeighbourOnlyWhereItsModelsConverged()
    {
        var settings = new Centric.Domain.Datasets.ClvSettings();
        var whole = Centric.Domain.Metrics.ClvFitter.FitAt(CdnowData.Sample, CdnowData.HoldoutEnd, settings);
        Assert.True(whole.Status.Converged && whole.SpendStatus!.Converged);
        var failed = whole with
        {
            Status = whole.Status with { Outcome = FitOutcome.NotConverged },
            SpendStatus = whole.SpendStatus with { Outcome = FitOutcome.NotConverged },
        };

        var alone = Centric.Domain.Metrics.ClvFitter.FitAt(CdnowData.Sample, CdnowData.CalibrationEnd, settings);
        var fromFailed = Centric.Domain.Metrics.ClvFitter.FitAt(CdnowData.Sample, CdnowData.CalibrationEnd, settings, near: failed);
        var fromConverged = Centric.Domain.Metrics.ClvFitter.FitAt(CdnowData.Sample, CdnowData.CalibrationEnd, settings, near: whole);

        Assert.Equal(((BgNbdModel)alone.Model!).Parameters, ((BgNbdModel)fromFailed.Model!).Parameters);
        Assert.Equal(alone.Spend!.Parameters, fromFailed.Spend!.Parameters);
        Assert.Equal((alone.Status.Evaluations, alone.SpendStatus!.Evaluations), (fromFailed.Status.Evaluations, fromFailed.SpendStatus!.Evaluations));
        Assert.True(fromConverged.Status.Evaluations < alone.Status.Evaluations, $"{fromConverged.Status.Evaluations} against {alone.Status.Evaluations}");
        Assert.True(fromConverged.SpendStatus!.Evaluations < alone.SpendStatus.Evaluations, $"{fromConverged.SpendStatus.Evaluations} against {alone.SpendStatus.Evaluations}");
    }
}
