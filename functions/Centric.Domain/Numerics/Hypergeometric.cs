namespace Centric.Domain.Numerics;

/// <summary>
/// The Gauss hypergeometric function 2F1(a, b; c; z) for real arguments and z &lt; 1
/// (Abramowitz &amp; Stegun 15.1.1 series; Pfaff transformation 15.3.5 for z &lt; 0).
/// </summary>
/// <remarks>
/// The value may be negative (for instance when a or b is negative), so callers keep it as a factor and never
/// take its logarithm. Models whose parameters grow with a customer's frequency use the Euler transformation
/// (A&amp;S 15.3.3) themselves so that the series they evaluate stays bounded for large x.
/// </remarks>
public static class Hypergeometric
{
    private const int MaxTerms = 2_000_000;

    /// <summary>2F1(a, b; c; z) for z &lt; 1 and c not zero or a negative integer.</summary>
    public static double Gauss2F1(double a, double b, double c, double z)
    {
        if (!(z < 1.0) || double.IsNaN(a) || double.IsNaN(b) || double.IsNaN(c))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "2F1 is evaluated for z < 1 with finite parameters.");
        }

        if (c <= 0 && c == Math.Floor(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "2F1 is undefined for c = 0, -1, -2, ...");
        }

        if (z < 0)
        {
            // Pfaff (A&S 15.3.5): 2F1(a,b;c;z) = (1-z)^(-a) 2F1(a, c-b; c; z/(z-1)), with z/(z-1) in (0, 1).
            var w = z / (z - 1.0);
            return Math.Pow(1.0 - z, -a) * Series(a, c - b, c, w);
        }

        return Series(a, b, c, z);
    }

    /// <summary>Power series sum_n (a)_n (b)_n / ((c)_n n!) z^n for 0 &lt;= z &lt; 1.</summary>
    private static double Series(double a, double b, double c, double z)
    {
        if (z == 0)
        {
            return 1.0;
        }

        double sum = 1.0, compensation = 0.0, term = 1.0;
        var smallInARow = 0;
        for (var n = 0; n < MaxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
            if (term == 0 || !double.IsFinite(term))
            {
                break;
            }

            // Kahan summation keeps long, slowly converging series accurate near z = 1.
            var y = term - compensation;
            var t = sum + y;
            compensation = (t - sum) - y;
            sum = t;

            // Stop only once the terms shrink geometrically, so a transiently small term does not end the sum. The next
            // term's ratio is only worked out once the term is negligible: most terms are not, and it costs a division.
            smallInARow = Math.Abs(term) <= 1e-17 * Math.Abs(sum)
                && Math.Abs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2.0)) * z) < 1.0
                ? smallInARow + 1
                : 0;
            if (smallInARow >= 2)
            {
                break;
            }
        }

        return sum;
    }
}
