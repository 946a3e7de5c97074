using Centric.Domain.Numerics;
using MathNet.Numerics;

namespace Centric.Domain.Clv;

/// <summary>
/// BG/NBD predictions (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way: an alternative to
/// the Pareto/NBD model", Marketing Science 24(2)), with equation numbers of that paper.
/// </summary>
/// <remarks>
/// Equations (9) and (10) contain (α/(α+t))^{r+x} 2F1(r+x, b+x; a+b+x−1; z). The code uses Euler's
/// transformation 2F1(a',b';c';z) = (1−z)^{c'−a'−b'} 2F1(c'−a', c'−b'; c'; z): with 1 − z = (α+T)/(α+T+t) the
/// product becomes (1−z)^{a−1} 2F1(a+b−1−r, a−1; a+b+x−1; z), whose series stays bounded for large x. The
/// 2F1 value may be negative when a + b &lt; 1, so it is used as a factor, never through its logarithm.
/// </remarks>
public sealed record BgNbdModel(BgNbdParameters Parameters) : ITransactionModel
{
    private const double Nudge = 1e-6;

    /// <summary>E[X(t)], equation (9).</summary>
    public double ExpectedPurchases(double t) => ConditionalExpectedPurchases(t, 0, 0, 0);

    /// <summary>
    /// E[Y(t) | x, t_x, T], equation (10). With x = t_x = T = 0 it reduces to equation (9).
    /// </summary>
    public double ConditionalExpectedPurchases(double t, int frequency, double recency, double age)
    {
        if (t <= 0)
        {
            return 0.0;
        }

        var a = Parameters.A;
        // At a = 1 equation (10) is 0/0; its limit is the mean of the values just either side.
        return Math.Abs(a - 1.0) < Nudge
            ? 0.5 * (Conditional(t, frequency, recency, age, 1.0 - Nudge) + Conditional(t, frequency, recency, age, 1.0 + Nudge))
            : Conditional(t, frequency, recency, age, a);
    }

    /// <summary>P(alive | x, t_x, T) (Fader, Hardie &amp; Lee 2008 note "Computing P(alive) using the BG/NBD model").</summary>
    public double ProbabilityAlive(int frequency, double recency, double age)
    {
        if (frequency <= 0)
        {
            return 1.0;
        }

        var (r, alpha, a, b) = Parameters;
        var logOdds = Math.Log(a) - Math.Log(b + frequency - 1)
            + ((r + frequency) * Math.Log((alpha + age) / (alpha + recency)));
        return LogSpace.InverseOnePlusExp(logOdds);
    }

    /// <summary>P(X(t) = n): probability of exactly n purchases in (0, t], equation (8).</summary>
    public double ProbabilityOfPurchases(int n, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (t <= 0)
        {
            return n == 0 ? 1.0 : 0.0;
        }

        var (r, alpha, a, b) = Parameters;
        var logBetaAb = SpecialFunctions.BetaLn(a, b);
        var first = Math.Exp(
            SpecialFunctions.BetaLn(a, b + n) - logBetaAb
            + SpecialFunctions.GammaLn(r + n) - SpecialFunctions.GammaLn(r) - SpecialFunctions.GammaLn(n + 1.0)
            + (r * Math.Log(alpha / (alpha + t))) + (n * Math.Log(t / (alpha + t))));
        if (n == 0)
        {
            return first;
        }

        // 1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j is the NBD tail P(N ≥ n) = I_{t/(α+t)}(n, r).
        var tail = SpecialFunctions.BetaRegularized(n, r, t / (alpha + t));
        var second = Math.Exp(SpecialFunctions.BetaLn(a + 1.0, b + n - 1.0) - logBetaAb) * tail;
        return first + second;
    }

    /// <summary>The values of a used for equation (10): a itself, or the two values either side of 1 whose mean is the limit there.</summary>
    internal double[] ConditionalShapes() =>
        Math.Abs(Parameters.A - 1.0) < Nudge ? [1.0 - Nudge, 1.0 + Nudge] : [Parameters.A];

    private double Conditional(double t, int x, double recency, double age, double a) =>
        ConditionalNumerator(t, x, age, a) / ConditionalDenominator(x, recency, age, a);

    /// <summary>Equation (10)'s numerator: it depends on x and T but not on t_x, so customers sharing (x, T) share it.</summary>
    internal double ConditionalNumerator(double t, int x, double age, double a)
    {
        var (r, alpha, _, b) = Parameters;
        var c = a + b + x - 1.0;
        if (c <= 0 && Math.Abs(c - Math.Round(c)) < 1e-9)
        {
            c += Nudge; // 2F1 is undefined at c = 0, -1, ...; the product below is continuous there.
        }

        var z = t / (alpha + age + t);
        var oneMinusZ = (alpha + age) / (alpha + age + t);
        var transformed = Math.Pow(oneMinusZ, a - 1.0) * Hypergeometric.Gauss2F1(c - r - x, a - 1.0, c, z);
        return c / (a - 1.0) * (1.0 - transformed);
    }

    /// <summary>Equation (10)'s denominator, 1 + δ_{x>0} a/(b+x−1) ((α+T)/(α+t_x))^{r+x}.</summary>
    internal double ConditionalDenominator(int x, double recency, double age, double a)
    {
        var (r, alpha, _, b) = Parameters;
        return 1.0 + (x > 0
            ? Math.Exp(Math.Log(a) - Math.Log(b + x - 1.0) + ((r + x) * Math.Log((alpha + age) / (alpha + recency))))
            : 0.0);
    }
}
