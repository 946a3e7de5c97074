using Centric.Domain.Numerics;

namespace Centric.Domain.Tests.Numerics;

public class MinimizerPrecisionLimitTests
{
    /// <summary>
    /// A bowl with deterministic rounding-like noise of 1e-10: central differences with a 1e-5 step see gradient noise
    /// near 1e-5, above the 1e-6 tolerance, as a large log-likelihood sum does near its optimum.
    /// </summary>
    private static double NoisyBowl(double[] x)
    {
        var value = 0.0;
        foreach (var xi in x)
        {
            value += (xi - 1.0) * (xi - 1.0);
        }

        var noise = Math.Sin(x.Sum() * 1e7);
        return value + (1e-10 * noise);
    }

    [Fact]
    public void Minimize_GradientNoiseAboveTolerance_StopsAtThePrecisionLimitInsteadOfExhaustingTheBudget()
    {
        var result = Minimizer.Minimize(NoisyBowl, [3.0, -2.0, 0.5, 4.0], gradientTolerance: 1e-6, maxIterations: 3000);

        Assert.Equal(MinimizationOutcome.Converged, result.Outcome);
        Assert.True(result.Iterations < 1500, $"took {result.Iterations} iterations");
        Assert.All(result.Point, v => Assert.Equal(1.0, v, 3));
    }
}
