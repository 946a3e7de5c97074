namespace Centric.Domain.Numerics;

/// <summary>Nelder–Mead downhill simplex (Nelder &amp; Mead 1965) with the standard coefficients.</summary>
internal static class NelderMead
{
    public static (double[] Point, int Iterations) Run(Func<double[], double> f, double[] start, int maxIterations)
    {
        var n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            points[i] = (double[])start.Clone();
            if (i > 0)
            {
                points[i][i - 1] += 0.5;
            }

            values[i] = f(points[i]);
        }

        var iteration = 0;
        for (; iteration < maxIterations; iteration++)
        {
            Array.Sort(values, points);
            if (Converged(points, values))
            {
                break;
            }

            var centroid = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    centroid[j] += points[i][j] / n;
                }
            }

            var reflected = Along(centroid, points[n], -1.0);
            var fr = f(reflected);
            if (fr < values[0])
            {
                var expanded = Along(centroid, points[n], -2.0);
                var fe = f(expanded);
                (points[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[n - 1])
            {
                (points[n], values[n]) = (reflected, fr);
            }
            else
            {
                var contracted = fr < values[n] ? Along(centroid, points[n], -0.5) : Along(centroid, points[n], 0.5);
                var fc = f(contracted);
                if (fc < Math.Min(fr, values[n]))
                {
                    (points[n], values[n]) = (contracted, fc);
                }
                else
                {
                    for (var i = 1; i <= n; i++)
                    {
                        points[i] = Along(points[0], points[i], 0.5);
                        values[i] = f(points[i]);
                    }
                }
            }
        }

        Array.Sort(values, points);
        return (points[0], iteration);
    }

    /// <summary>centroid + factor * (vertex - centroid).</summary>
    private static double[] Along(double[] centroid, double[] vertex, double factor)
    {
        var result = new double[centroid.Length];
        for (var j = 0; j < result.Length; j++)
        {
            result[j] = centroid[j] + (factor * (vertex[j] - centroid[j]));
        }

        return result;
    }

    private static bool Converged(double[][] points, double[] values)
    {
        var spread = Math.Abs(values[^1] - values[0]);
        if (!(spread <= 1e-11 * (1.0 + Math.Abs(values[0]))))
        {
            return false;
        }

        var size = 0.0;
        for (var i = 1; i < points.Length; i++)
        {
            for (var j = 0; j < points[i].Length; j++)
            {
                size = Math.Max(size, Math.Abs(points[i][j] - points[0][j]));
            }
        }

        return size < 1e-6;
    }
}
