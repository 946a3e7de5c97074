namespace Centric.Domain.Numerics;

/// <summary>
/// Unconstrained minimisation of a smooth function of a few variables: a Nelder–Mead search for robustness
/// far from the optimum, then a BFGS polish with central finite-difference gradients for precision.
/// Non-finite objective values are treated as +infinity, so a model may reject a region by returning NaN.
/// An objective that gives its exact gradient (<see cref="GradientObjective"/>) is polished with it instead of
/// finite differences, and a search started near the optimum may skip the simplex.
/// </summary>
public static class Minimizer
{
    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/>.</summary>
    /// <param name="objective">The function; it must not keep the array it is given.</param>
    /// <param name="start">Starting point.</param>
    /// <param name="gradientTolerance">Convergence when the gradient norm is below this value.</param>
    /// <param name="maxIterations">Budget shared by both phases.</param>
    /// <param name="warmStart">True when the start is close to the optimum (a neighbouring fit): BFGS runs first, and the
    /// simplex only when that polish does not converge.</param>
    public static MinimizationResult Minimize(
        Func<double[], double> objective,
        IReadOnlyList<double> start,
        double gradientTolerance = 1e-6,
        int maxIterations = 3000,
        bool warmStart = false)
    {
        ArgumentNullException.ThrowIfNull(objective);
        double Safe(double[] x) => Finite(objective(x));
        return Search(Safe, x => Bfgs.Gradient(Safe, x), null, start, gradientTolerance, maxIterations, warmStart);
    }

    /// <summary>
    /// Minimises an objective with an exact gradient: Nelder–Mead then BFGS on the analytic gradient, or, when
    /// <paramref name="warmStart"/> says the start is already near the optimum (a neighbouring fit), BFGS alone,
    /// falling back to the simplex first only when that polish does not converge.
    /// </summary>
    /// <param name="objective">The function and its gradient.</param>
    /// <param name="start">Starting point.</param>
    /// <param name="gradientTolerance">Convergence when the gradient norm is below this value.</param>
    /// <param name="maxIterations">Budget shared by all phases.</param>
    /// <param name="warmStart">True when the start is close to the optimum.</param>
    public static MinimizationResult Minimize(
        GradientObjective objective,
        IReadOnlyList<double> start,
        double gradientTolerance = 1e-6,
        int maxIterations = 3000,
        bool warmStart = false)
    {
        ArgumentNullException.ThrowIfNull(objective);
        double[] Gradient(double[] x)
        {
            var g = new double[x.Length];
            objective(x, g);
            return g;
        }

        return Search(x => Finite(objective(x, null)), Gradient, (x, g) => Finite(objective(x, g)), start, gradientTolerance, maxIterations, warmStart);
    }

    /// <summary>A non-finite value as +infinity, so a model may reject a region by returning NaN.</summary>
    private static double Finite(double value) => double.IsFinite(value) ? value : double.PositiveInfinity;

    /// <summary>Checks the start, then searches from it: a start where the objective is not finite ends at once.</summary>
    private static MinimizationResult Search(
        Func<double[], double> f,
        Func<double[], double[]> gradient,
        Func<double[], double[], double>? valueAndGradient,
        IReadOnlyList<double> start,
        double tolerance,
        int maxIterations,
        bool warmStart)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(start.Count, 1);
        var x0 = start.ToArray();
        if (double.IsPositiveInfinity(f(x0)))
        {
            return new MinimizationResult(x0, double.PositiveInfinity, 0, double.PositiveInfinity, MinimizationOutcome.NonFinite);
        }

        var used = 0;
        if (warmStart)
        {
            var direct = Bfgs.Run(f, gradient, x0, tolerance, Math.Max(1, maxIterations / 2), valueAndGradient);
            if (direct.Outcome == MinimizationOutcome.Converged)
            {
                return direct;
            }

            used = direct.Iterations;
        }

        var simplexBudget = Math.Max(1, (maxIterations - used) / 2);
        var (afterSimplex, simplexIterations) = NelderMead.Run(f, x0, simplexBudget);
        used += simplexIterations;
        var polish = Bfgs.Run(f, gradient, afterSimplex, tolerance, Math.Max(1, maxIterations - used), valueAndGradient);
        return polish with { Iterations = polish.Iterations + used };
    }
}
