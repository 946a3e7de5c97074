using Centric.Domain.Numerics;

namespace Centric.Domain.Tests.Numerics;

public class MinimizerTests
{
    [Fact]
    public void Minimize_Rosenbrock_ConvergesToOneOne()
    {
        static double Rosenbrock(double[] p) => Math.Pow(1 - p[0], 2) + (100 * Math.Pow(p[1] - (p[0] * p[0]), 2));

        var result = Minimizer.Minimize(Rosenbrock, [-1.2, 1.0]);

        Assert.Equal(MinimizationOutcome.Converged, result.Outcome);
        Assert.Equal(1.0, result.Point[0], 4);
        Assert.Equal(1.0, result.Point[1], 4);
    }

    [Fact]
    public void Minimize_NonFiniteStart_ReportsNonFiniteInsteadOfThrowing()
    {
        var result = Minimizer.Minimize(_ => double.NaN, [0.0]);

        Assert.Equal(MinimizationOutcome.NonFinite, result.Outcome);
    }

    [Fact]
    public void Minimize_NaNRegion_IsTreatedAsUphill()
    {
        // Undefined for x < 0: the search must stay in the valid region and find the minimum at x = 2.
        var result = Minimizer.Minimize(p => p[0] < 0 ? double.NaN : Math.Pow(Math.Sqrt(p[0]) - Math.Sqrt(2), 2), [0.1]);

        Assert.Equal(2.0, result.Point[0], 4);
    }
}
