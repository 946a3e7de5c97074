using Centric.Domain.Numerics;
using MathNet.Numerics;

namespace Centric.Domain.Clv;

/// <summary>
/// Pareto/NBD likelihood and predictions following Fader &amp; Hardie (2005), "A note on deriving the Pareto/NBD
/// model and related expressions" (sections "the likelihood function", "P(alive)", "E[X(t)]" and
/// "conditional expectations"), after Schmittlein, Morrison &amp; Colombo (1987).
/// </summary>
public sealed record ParetoNbdModel(ParetoNbdParameters Parameters) : ITransactionModel
{
    /// <summary>E[X(t)] = (rβ/(α(s−1))) (1 − (β/(β+t))^{s−1}); the s = 1 limit is (rβ/α) ln(1 + t/β).</summary>
    public double ExpectedPurchases(double t)
    {
        if (t <= 0)
        {
            return 0.0;
        }

        var (r, alpha, s, beta) = Parameters;
        return r * beta / alpha * GrowthFactor(s, beta, t);
    }

    /// <summary>E[Y(t) | x, t_x, T] = (r+x)(β+T)/((α+T)(s−1)) (1 − ((β+T)/(β+T+t))^{s−1}) P(alive).</summary>
    public double ConditionalExpectedPurchases(double t, int frequency, double recency, double age)
    {
        if (t <= 0)
        {
            return 0.0;
        }

        var (r, alpha, s, beta) = Parameters;
        return (r + frequency) / (alpha + age) * (beta + age) * GrowthFactor(s, beta + age, t)
            * ProbabilityAlive(frequency, recency, age);
    }

    /// <summary>P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) (α+T)^{r+x} (β+T)^s A0).</summary>
    public double ProbabilityAlive(int frequency, double recency, double age)
    {
        var (r, alpha, s, beta) = Parameters;
        var logOdds = Math.Log(s) - Math.Log(r + s + frequency)
            + ((r + frequency) * Math.Log(alpha + age)) + (s * Math.Log(beta + age))
            + LogA0(frequency, recency, age);
        return LogSpace.InverseOnePlusExp(logOdds);
    }

    /// <summary>Log-likelihood of one customer (the note's L(r, α, s, β | x, t_x, T)), with the A0 term in log space.</summary>
    public double LogLikelihood(int frequency, double recency, double age)
    {
        var (r, alpha, s, beta) = Parameters;
        var head = SpecialFunctions.GammaLn(r + frequency) - SpecialFunctions.GammaLn(r)
            + (r * Math.Log(alpha)) + (s * Math.Log(beta));
        var alive = (-(r + frequency) * Math.Log(alpha + age)) - (s * Math.Log(beta + age));
        var died = Math.Log(s) - Math.Log(r + s + frequency) + LogA0(frequency, recency, age);
        return head + LogSpace.AddExp(alive, died);
    }

    /// <summary>
    /// ln A0 (the likelihood's integral term): with m = max(α, β), the 2F1 argument |α−β|/(m+t) lies in [0, 1) and
    /// (with b = s + 1 when α ≥ β, else r + x)
    /// A0 = 2F1(·; z(t_x))/(m+t_x)^{r+s+x} − 2F1(·; z(T))/(m+T)^{r+s+x}, a difference of positive terms taken
    /// with log-sum-exp. A0 = 0 (log −∞) when t_x = T.
    /// </summary>
    internal double LogA0(int frequency, double recency, double age)
    {
        var (r, alpha, s, beta) = Parameters;
        var rsx = r + s + frequency;
        var (max, second) = alpha >= beta ? (alpha, s + 1.0) : (beta, r + frequency);
        var gap = Math.Abs(alpha - beta);
        var atRecency = LogHypergeometric(rsx, second, gap / (max + recency)) - (rsx * Math.Log(max + recency));
        var atAge = LogHypergeometric(rsx, second, gap / (max + age)) - (rsx * Math.Log(max + age));
        return LogSpace.SubtractExp(atRecency, atAge);
    }

    /// <summary>
    /// ln 2F1(c, b; c + 1; z) for c, b &gt; 0 and 0 ≤ z &lt; 1 through Euler's transformation
    /// 2F1(c, b; c+1; z) = (1−z)^{1−b} 2F1(1, c+1−b; c+1; z): the right-hand series has positive terms bounded by
    /// z^n, so it neither overflows for large x (where the left-hand series grows like (1−z)^{−b}) nor goes negative.
    /// </summary>
    private static double LogHypergeometric(double c, double b, double z) =>
        ((1.0 - b) * LogSpace.Log1P(-z)) + Math.Log(Hypergeometric.Gauss2F1(1.0, c + 1.0 - b, c + 1.0, z));

    /// <summary>(1 − (β/(β+t))^{s−1}) / (s − 1), or ln(1 + t/β) at s = 1.</summary>
    private static double GrowthFactor(double s, double beta, double t)
    {
        var log = LogSpace.Log1P(t / beta);
        return Math.Abs(s - 1.0) < 1e-10 ? log : -LogSpace.ExpM1(-(s - 1.0) * log) / (s - 1.0);
    }
}
