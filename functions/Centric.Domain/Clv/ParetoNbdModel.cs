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

        return ConditionalExpectedPurchasesGivenAlive(t, frequency, age, ProbabilityAlive(frequency, recency, age));
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T] with P(alive) already computed: it does
    /// not depend on t, so a customer's expectations at several horizons share it.
    /// </summary>
    internal double ConditionalExpectedPurchasesGivenAlive(double t, int frequency, double age, double probabilityAlive)
    {
        if (t <= 0)
        {
            return 0.0;
        }

        var (r, alpha, s, beta) = Parameters;
        return (r + frequency) / (alpha + age) * (beta + age) * GrowthFactor(s, beta + age, t) * probabilityAlive;
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
    /// <remarks>
    /// The series converges like z^n, so when z(t_x) exceeds <see cref="SeriesLimit"/> (one rate parameter far above
    /// the other, as in a fit on a few weeks of data) it would need millions of terms; A0 is then computed from its
    /// definition as an integral instead, (r+s+x) ∫_{t_x}^{T} (α+y)^{−(r+x)} (β+y)^{−(s+1)} dy (<see cref="LogA0Integral"/>).
    /// </remarks>
    internal double LogA0(int frequency, double recency, double age)
    {
        var (r, alpha, s, beta) = Parameters;
        var rsx = r + s + frequency;
        var (max, second) = alpha >= beta ? (alpha, s + 1.0) : (beta, r + frequency);
        var gap = Math.Abs(alpha - beta);
        if (gap / (max + recency) > SeriesLimit)
        {
            return LogA0Integral(frequency, recency, age);
        }

        var atRecency = LogA0Bound(frequency, recency);
        var atAge = LogA0Bound(frequency, age);
        return LogSpace.SubtractExp(atRecency, atAge);
    }

    /// <summary>True when A0 for a customer with x purchases and recency t_x is integrated rather than summed.</summary>
    internal bool IntegratesA0(int frequency, double recency)
    {
        var (_, alpha, _, beta) = Parameters;
        return Math.Abs(alpha - beta) / (Math.Max(alpha, beta) + recency) > SeriesLimit;
    }

    /// <summary>ln of one of A0's two terms, 2F1(·; z(t))/(m+t)^{r+s+x}, at t = t_x or T (series form only).</summary>
    internal double LogA0Bound(int frequency, double t)
    {
        var (r, alpha, s, beta) = Parameters;
        var rsx = r + s + frequency;
        var (max, second) = alpha >= beta ? (alpha, s + 1.0) : (beta, r + frequency);
        var gap = Math.Abs(alpha - beta);
        return LogHypergeometric(rsx, second, gap / (max + t)) - (rsx * Math.Log(max + t));
    }

    /// <summary>Above this 2F1 argument A0 is integrated rather than summed (the series needs about 40/(1 − z) terms).</summary>
    internal const double SeriesLimit = 0.95;

    /// <summary>
    /// ln A0 = ln(r+s+x) + ln ∫_{t_x}^{T} (α+y)^{−(r+x)} (β+y)^{−(s+1)} dy by Gauss–Legendre quadrature in w = ln(m'+y),
    /// m' = min(α, β). In w the integrand's logarithm is concave, so its slope over [t_x, T] lies between its slopes at
    /// the two ends; panels as wide as 2 over the steeper of those (at most 1) hold it to a change of at most 2 each,
    /// where 16 nodes are exact to rounding. The logarithm is taken relative to its value at t_x, with log1p of
    /// (y − t_x)/(α+t_x) and (y − t_x)/(β+t_x), so that large r+x or s lose no digits; panels stop once the
    /// integrand, past its peak, is below 1e-18 of the sum.
    /// </summary>
    internal double LogA0Integral(int frequency, double recency, double age)
    {
        if (!(age > recency))
        {
            return double.NegativeInfinity;
        }

        var (r, alpha, s, beta) = Parameters;
        var rx = r + frequency;
        var rsx = r + s + frequency;
        var low = Math.Min(alpha, beta);
        var (alphaAt, betaAt) = (alpha + recency, beta + recency);
        var from = Math.Log(low + recency);
        var to = Math.Log(low + age);
        var startExp = low + recency;

        // d/dw of the log-integrand: 1 − (r+x)(m'+y)/(α+y) − (s+1)(m'+y)/(β+y), decreasing in w.
        double Slope(double y) => 1.0 - (rx * (low + y) / (alpha + y)) - ((s + 1.0) * (low + y) / (beta + y));
        var steepest = Math.Max(Math.Abs(Slope(recency)), Math.Abs(Slope(age)));
        var width = steepest > 2.0 ? 2.0 / steepest : 1.0;
        var panels = (int)Math.Ceiling((to - from) / width);
        width = (to - from) / panels;

        // ln of the integrand (dy = e^w dw) minus its value at w = ln(m'+t_x).
        double Relative(double w)
        {
            var gain = Math.Exp(w) - startExp;
            return w - from - (rx * LogSpace.Log1P(gain / alphaAt)) - ((s + 1.0) * LogSpace.Log1P(gain / betaAt));
        }

        var sum = 0.0;
        var previousPanel = double.PositiveInfinity;
        for (var k = 0; k < panels; k++)
        {
            var mid = from + ((k + 0.5) * width);
            var panel = 0.0;
            for (var j = 0; j < GaussNodes.Length; j++)
            {
                panel += GaussWeights[j] * Math.Exp(Relative(mid + (0.5 * width * GaussNodes[j])));
            }

            panel *= 0.5 * width;
            sum += panel;
            if (panel < previousPanel && panel < 1e-18 * sum)
            {
                break;
            }

            previousPanel = panel;
        }

        var atStart = from - (rx * Math.Log(alphaAt)) - ((s + 1.0) * Math.Log(betaAt));
        return Math.Log(rsx) + atStart + Math.Log(sum);
    }

    /// <summary>16-point Gauss–Legendre nodes on [−1, 1] (Abramowitz &amp; Stegun table 25.4).</summary>
    private static readonly double[] GaussNodes =
    [
        -0.9894009349916499, -0.9445750230732326, -0.8656312023878318, -0.7554044083550030,
        -0.6178762444026438, -0.4580167776572274, -0.2816035507792589, -0.0950125098376374,
        0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438,
        0.7554044083550030, 0.8656312023878318, 0.9445750230732326, 0.9894009349916499,
    ];

    /// <summary>The matching weights.</summary>
    private static readonly double[] GaussWeights =
    [
        0.0271524594117541, 0.0622535239386479, 0.0951585116824928, 0.1246289712555339,
        0.1495959888165767, 0.1691565193950025, 0.1826034150449236, 0.1894506104550685,
        0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767,
        0.1246289712555339, 0.0951585116824928, 0.0622535239386479, 0.0271524594117541,
    ];

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
