namespace Centric.Domain.Numerics;

/// <summary>
/// BFGS quasi-Newton minimisation (Nocedal &amp; Wright 2006, algorithm 6.1) with a backtracking Armijo line
/// search, on an exact gradient when the objective gives one, else on central finite differences.
/// Finite-difference gradients of a large sum have a noise floor: near the optimum the gradient norm can hover just
/// above the tolerance while the objective no longer changes. When the line search finds no descent, or the objective
/// has not improved by more than
/// <see cref="StallRelative"/> for <see cref="StallIterations"/> iterations, the search stops: converged at the
/// precision limit when the gradient is within <see cref="PrecisionSlack"/> times the tolerance, else no progress.
/// </summary>
internal static class Bfgs
{
    private const double Step = 1e-5;
    private const double StallRelative = 1e-13;
    private const int StallIterations = 5;
    private const double PrecisionSlack = 100.0;

    public static MinimizationResult Run(Func<double[], double> f, double[] start, double tolerance, int maxIterations) =>
        Run(f, x => Gradient(f, x), start, tolerance, maxIterations);

    /// <summary>BFGS with <paramref name="gradient"/> giving ∇f; where it is not finite, finite differences stand in.</summary>
    /// <param name="f">The objective.</param>
    /// <param name="gradient">Its gradient.</param>
    /// <param name="start">Starting point.</param>
    /// <param name="tolerance">Convergence when the gradient norm is below this value.</param>
    /// <param name="maxIterations">Iteration budget.</param>
    /// <param name="valueAndGradient">
    /// Null, or f with its gradient written into the array given, in one evaluation that costs less than the two apart.
    /// Its value must be f's to the bit: the line search then evaluates each trial point with its gradient, and the
    /// accepted point's gradient is not evaluated again, so the search takes exactly the same steps.
    /// </param>
    public static MinimizationResult Run(
        Func<double[], double> f,
        Func<double[], double[]> gradient,
        double[] start,
        double tolerance,
        int maxIterations,
        Func<double[], double[], double>? valueAndGradient = null)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        double fx;
        double[] g;
        if (valueAndGradient is null)
        {
            fx = f(x);
            g = gradient(x);
        }
        else
        {
            g = new double[n];
            fx = valueAndGradient(x, g);
        }

        if (!g.All(double.IsFinite))
        {
            g = Gradient(f, x);
        }

        var h = Identity(n);
        var iteration = 0;
        var stalled = 0;
        var outcome = MinimizationOutcome.MaxIterations;
        for (; iteration < maxIterations; iteration++)
        {
            if (Norm(g) < tolerance)
            {
                outcome = MinimizationOutcome.Converged;
                break;
            }

            var direction = Multiply(h, g, -1.0);
            var slope = Dot(direction, g);
            if (!(slope < 0))
            {
                h = Identity(n);
                direction = Multiply(h, g, -1.0);
                slope = Dot(direction, g);
            }

            var (next, fNext, gAtNext) = LineSearch(f, valueAndGradient, x, fx, direction, slope);
            if (next is null)
            {
                outcome = AtPrecisionLimit(g, tolerance);
                break;
            }

            var gNext = gAtNext ?? gradient(next);
            if (!gNext.All(double.IsFinite))
            {
                gNext = Gradient(f, next);
            }

            var s = new double[n];
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                s[i] = next[i] - x[i];
                y[i] = gNext[i] - g[i];
            }

            var sy = Dot(s, y);
            if (sy > 1e-14)
            {
                if (iteration == 0)
                {
                    // Nocedal & Wright (6.20): scale the first inverse-Hessian guess to the curvature just seen.
                    h = Identity(n, sy / Dot(y, y));
                }

                h = Update(h, s, y, sy);
            }

            stalled = fx - fNext <= StallRelative * Math.Max(1.0, Math.Abs(fx)) ? stalled + 1 : 0;
            (x, fx, g) = (next, fNext, gNext);
            if (stalled >= StallIterations)
            {
                outcome = AtPrecisionLimit(g, tolerance);
                iteration++;
                break;
            }
        }

        return new MinimizationResult(x, fx, iteration, Norm(g), outcome);
    }

    /// <summary>No further descent is possible: converged when the gradient is within the noise floor's slack.</summary>
    private static MinimizationOutcome AtPrecisionLimit(double[] g, double tolerance) =>
        Norm(g) < PrecisionSlack * tolerance ? MinimizationOutcome.Converged : MinimizationOutcome.NoProgress;

    /// <summary>
    /// Backtracks from a full step until the Armijo condition holds; with <paramref name="valueAndGradient"/> each trial
    /// point's gradient comes with its value, and the accepted point's is returned.
    /// </summary>
    private static (double[]? Point, double Value, double[]? Gradient) LineSearch(
        Func<double[], double> f, Func<double[], double[], double>? valueAndGradient, double[] x, double fx, double[] direction, double slope)
    {
        var trial = new double[x.Length];
        var gradient = valueAndGradient is null ? null : new double[x.Length];
        for (var alpha = 1.0; alpha > 1e-12; alpha *= 0.5)
        {
            for (var i = 0; i < x.Length; i++)
            {
                trial[i] = x[i] + (alpha * direction[i]);
            }

            var value = gradient is null ? f(trial) : valueAndGradient!(trial, gradient);
            if (value <= fx + (1e-4 * alpha * slope))
            {
                return (trial, value, gradient);
            }
        }

        return (null, fx, null);
    }

    internal static double[] Gradient(Func<double[], double> f, double[] x)
    {
        var g = new double[x.Length];
        var probe = (double[])x.Clone();
        for (var i = 0; i < x.Length; i++)
        {
            probe[i] = x[i] + Step;
            var up = f(probe);
            probe[i] = x[i] - Step;
            var down = f(probe);
            probe[i] = x[i];
            g[i] = (up - down) / (2 * Step);
            if (!double.IsFinite(g[i]))
            {
                g[i] = double.IsFinite(up) ? (up - f(x)) / Step : (f(x) - down) / Step;
            }
        }

        return g;
    }

    private static double[,] Update(double[,] h, double[] s, double[] y, double sy)
    {
        var n = s.Length;
        var hy = Multiply(h, y, 1.0);
        var yhy = Dot(y, hy);
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[i, j] = h[i, j]
                    + ((sy + yhy) * s[i] * s[j] / (sy * sy))
                    - (((hy[i] * s[j]) + (s[i] * hy[j])) / sy);
            }
        }

        return result;
    }

    private static double[,] Identity(int n, double scale = 1.0)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            m[i, i] = scale;
        }

        return m;
    }

    private static double[] Multiply(double[,] m, double[] v, double scale)
    {
        var result = new double[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            for (var j = 0; j < v.Length; j++)
            {
                result[i] += scale * m[i, j] * v[j];
            }
        }

        return result;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm(double[] v) => Math.Sqrt(Dot(v, v));
}
