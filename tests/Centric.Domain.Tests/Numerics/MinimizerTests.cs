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

    private static double RosenbrockWithGradient(double[] p, double[]? gradient)
    {
        var (x, y) = (p[0], p[1]);
        if (gradient is not null)
        {
            gradient[0] = (-2 * (1 - x)) - (400 * x * (y - (x * x)));
            gradient[1] = 200 * (y - (x * x));
        }

        return Math.Pow(1 - x, 2) + (100 * Math.Pow(y - (x * x), 2));
    }

    [Fact]
    public void Minimize_WithExactGradient_ConvergesToOneOne()
    {
        var result = Minimizer.Minimize(RosenbrockWithGradient, [-1.2, 1.0]);

        Assert.Equal(MinimizationOutcome.Converged, result.Outcome);
        Assert.Equal(1.0, result.Point[0], 6);
        Assert.Equal(1.0, result.Point[1], 6);
    }

    [Fact]
    public void Minimize_WarmStartWithExactGradient_SkipsTheSimplexAndUsesFewerIterations()
    {
        var cold = Minimizer.Minimize(RosenbrockWithGradient, [0.9, 0.8]);
        var warm = Minimizer.Minimize(RosenbrockWithGradient, [0.9, 0.8], warmStart: true);

        Assert.Equal(MinimizationOutcome.Converged, warm.Outcome);
        Assert.Equal(1.0, warm.Point[0], 6);
        Assert.True(warm.Iterations < cold.Iterations, $"warm {warm.Iterations} vs cold {cold.Iterations}");
    }

    [Fact]
    public void Minimize_WarmStartThatCannotConvergeAlone_FallsBackToTheSimplex()
    {
        // The gradient points uphill, so BFGS alone finds no descent; the simplex still reaches the minimum.
        static double Bowl(double[] p, double[]? gradient)
        {
            if (gradient is not null)
            {
                gradient[0] = -2 * (p[0] - 3);
            }

            return Math.Pow(p[0] - 3, 2);
        }

        var result = Minimizer.Minimize(Bowl, [0.0], warmStart: true);

        Assert.Equal(3.0, result.Point[0], 4);
    }
}
