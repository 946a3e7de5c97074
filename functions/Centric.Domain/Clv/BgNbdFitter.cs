using Centric.Domain.Numerics;
using MathNet.Numerics;

namespace Centric.Domain.Clv;

/// <summary>
/// Maximum-likelihood BG/NBD fit (Fader, Hardie &amp; Lee 2005, section 3, the likelihood
/// L = A1 · A2 · (A3 + δ_{x>0} A4)) on log-parameters, with identical
/// (x, t_x, T) customers grouped into weights. One-time buyers (x = 0) are part of the likelihood.
/// </summary>
public static class BgNbdFitter
{
    private static readonly string[] Names = ["r", "alpha", "a", "b"];

    /// <summary>Fewer groups per thread than this are not worth handing to another thread.</summary>
    internal const int MinGroupsPerThread = 4096;

    /// <summary>Fits r, α, a, b to the customers' summaries.</summary>
    public static BgNbdFit Fit(IReadOnlyList<CustomerSummary> customers, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return Fit(RfmGroups.From(customers), options);
    }

    /// <summary>
    /// The fit on customers already grouped (shared with the scoring of the same summaries), each likelihood evaluation
    /// spread over up to <paramref name="threads"/> threads when there are groups enough: the same numbers either way.
    /// </summary>
    internal static BgNbdFit Fit(RfmGroups groups, FitOptions? options = null, int threads = 1)
    {
        if (groups.Count == 0)
        {
            return new BgNbdFit(null, FitStatus.NotAttempted(FitOutcome.InsufficientData, "there are no customers to fit"));
        }

        if (!groups.RepeatBuyers)
        {
            return new BgNbdFit(null, FitStatus.NotAttempted(
                FitOutcome.InsufficientData, "no customer made a repeat purchase, so purchase rates and dropout cannot be estimated"));
        }

        // Spread over threads, each evaluation writes every group's share into arrays kept for the whole fit.
        var shares = threads > 1 && groups.Count >= threads * MinGroupsPerThread ? new GroupShares(threads, groups.Count) : null;
        var (p, status) = LogParameterFit.Run(
            (theta, gradient) => LogLikelihood(groups, theta[0], theta[1], theta[2], theta[3], gradient, shares),
            groups.TotalWeight,
            (options ?? FitOptions.Default).StartFor(4),
            Names,
            options ?? FitOptions.Default);
        status = status with { Message = groups.Annotate(status.Message) };
        return new BgNbdFit(new BgNbdModel(new BgNbdParameters(p[0], p[1], p[2], p[3])), status);
    }

    /// <summary>Total log-likelihood of the customers at the given parameters (the paper's LL, no constant omitted).</summary>
    public static double LogLikelihood(IReadOnlyList<CustomerSummary> customers, BgNbdParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(parameters);
        return LogLikelihood(RfmGroups.From(customers), parameters.R, parameters.Alpha, parameters.A, parameters.B, null, null);
    }

    /// <summary>∂LL/∂(r, α, a, b): the exact gradient of <see cref="LogLikelihood(IReadOnlyList{CustomerSummary}, BgNbdParameters)"/>.</summary>
    public static IReadOnlyList<double> LogLikelihoodGradient(IReadOnlyList<CustomerSummary> customers, BgNbdParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(parameters);
        var gradient = new double[4];
        LogLikelihood(RfmGroups.From(customers), parameters.R, parameters.Alpha, parameters.A, parameters.B, gradient, null);
        return gradient;
    }

    /// <summary>
    /// The log-likelihood and its gradient from one pass, as the fit evaluates them together: the value is
    /// <see cref="LogLikelihood(IReadOnlyList{CustomerSummary}, BgNbdParameters)"/>'s to the bit.
    /// </summary>
    public static (double LogLikelihood, IReadOnlyList<double> Gradient) LogLikelihoodAndGradient(
        IReadOnlyList<CustomerSummary> customers, BgNbdParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(parameters);
        var gradient = new double[4];
        var value = LogLikelihood(RfmGroups.From(customers), parameters.R, parameters.Alpha, parameters.A, parameters.B, gradient, null);
        return (value, gradient);
    }

    /// <summary>
    /// LL and, when <paramref name="gradient"/> is not null, ∂LL/∂(r, α, a, b) written into it. Per customer, with
    /// S = −(r+x) ln(α+T), D = ln a − ln(b+x−1) − (r+x) ln(α+t_x) and the shares w_S = e^S/(e^S+e^D), w_D = 1 − w_S
    /// (w_D = 0 when x = 0):
    /// ∂/∂r = ψ(r+x) − ψ(r) + ln α − w_S ln(α+T) − w_D ln(α+t_x);
    /// ∂/∂α = r/α − (r+x)(w_S/(α+T) + w_D/(α+t_x));
    /// ∂/∂a = ψ(a+b) − ψ(a+b+x) + w_D/a;
    /// ∂/∂b = ψ(a+b) − ψ(b) + ψ(b+x) − ψ(a+b+x) − w_D/(b+x−1).
    /// With <paramref name="shares"/>, the groups' shares are worked out on its threads into its arrays and then
    /// added in group order, so the sums are those of one thread to the bit while the costly exponentials and logarithms
    /// run at once.
    /// </summary>
    private static double LogLikelihood(RfmGroups groups, double r, double alpha, double a, double b, double[]? gradient, GroupShares? shares)
    {
        // Terms that depend on x only: ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b), and ln(a/(b+x−1)).
        var perX = new double[groups.DistinctX.Length];
        var dropout = new double[groups.DistinctX.Length];
        var shared = -SpecialFunctions.GammaLn(r) + (r * Math.Log(alpha))
            + SpecialFunctions.GammaLn(a + b) - SpecialFunctions.GammaLn(b);
        for (var k = 0; k < perX.Length; k++)
        {
            var x = groups.DistinctX[k];
            perX[k] = shared + SpecialFunctions.GammaLn(r + x) + SpecialFunctions.GammaLn(b + x)
                - SpecialFunctions.GammaLn(a + b + x);
            dropout[k] = x > 0 ? Math.Log(a) - Math.Log(b + x - 1.0) : double.NegativeInfinity;
        }

        // ln(α + T) and ln(α + t_x) once per distinct value: T and t_x take at most as many values as days of history.
        var logAge = new double[groups.DistinctAge.Length];
        for (var j = 0; j < logAge.Length; j++)
        {
            logAge[j] = Math.Log(alpha + groups.DistinctAge[j]);
        }

        var logRecency = new double[groups.DistinctRecency.Length];
        for (var j = 0; j < logRecency.Length; j++)
        {
            logRecency[j] = Math.Log(alpha + groups.DistinctRecency[j]);
        }

        var terms = new BgNbdGroupTerms(groups, r, alpha, a, b, perX, dropout, logAge, logRecency);
        if (gradient is null)
        {
            // With shares, each group's term is worked out on several threads, then added in group order: the same sum.
            var values = shares?.FillValues(terms, groups.Count);
            var total = 0.0;
            for (var i = 0; i < groups.Count; i++)
            {
                total += values is null ? terms.Value(i) : values[i];
            }

            return total;
        }

        // The x-only parts of the gradient, summed per distinct x with that x's total weight.
        var weightOfX = new double[perX.Length];
        var sum = 0.0;
        double dr = 0.0, dAlpha = 0.0, da = 0.0, db = 0.0;
        // With shares, each group's share of every sum is worked out on several threads, then added in group order:
        // the same sums.
        var parts = shares?.FillGradients(terms, groups.Count);

        for (var i = 0; i < groups.Count; i++)
        {
            var g = parts is null ? terms.Gradient(i) : parts[i];
            weightOfX[groups.XIndex[i]] += groups.Weight[i];
            sum += g.Value;
            dr -= g.R;
            dAlpha -= g.Alpha;
            if (groups.X[i] > 0)
            {
                da += g.A;
                db -= g.B;
            }
        }

        var psiR = SpecialFunctions.DiGamma(r);
        var psiAb = SpecialFunctions.DiGamma(a + b);
        var psiB = SpecialFunctions.DiGamma(b);
        var logAlpha = Math.Log(alpha);
        for (var k = 0; k < perX.Length; k++)
        {
            var x = groups.DistinctX[k];
            var w = weightOfX[k];
            var psiAbx = SpecialFunctions.DiGamma(a + b + x);
            dr += w * (SpecialFunctions.DiGamma(r + x) - psiR + logAlpha);
            dAlpha += w * r / alpha;
            da += w * (psiAb - psiAbx);
            db += w * (psiAb - psiB + SpecialFunctions.DiGamma(b + x) - psiAbx);
        }

        (gradient[0], gradient[1], gradient[2], gradient[3]) = (dr, dAlpha, da, db);
        return sum;
    }

    /// <summary>The threads a fit's evaluations are spread over, and the arrays their groups' shares are written to.</summary>
    private sealed class GroupShares(int threads, int groups)
    {
        private readonly double[] _values = new double[groups];
        private readonly BgNbdGroupGradient[] _gradients = new BgNbdGroupGradient[groups];

        /// <summary>Every group's <see cref="BgNbdGroupTerms.Value"/>, worked out on the threads.</summary>
        public double[] FillValues(BgNbdGroupTerms terms, int count)
        {
            var values = _values;
            ForChunks(count, (from, to) =>
            {
                for (var i = from; i < to; i++)
                {
                    values[i] = terms.Value(i);
                }
            });
            return values;
        }

        /// <summary>Every group's <see cref="BgNbdGroupTerms.Gradient"/>, worked out on the threads.</summary>
        public BgNbdGroupGradient[] FillGradients(BgNbdGroupTerms terms, int count)
        {
            var gradients = _gradients;
            ForChunks(count, (from, to) =>
            {
                for (var i = from; i < to; i++)
                {
                    gradients[i] = terms.Gradient(i);
                }
            });
            return gradients;
        }

        /// <summary>Runs <paramref name="body"/> on neighbouring ranges of [0, count), one per thread, at once.</summary>
        private void ForChunks(int count, Action<int, int> body)
        {
            var size = (count + threads - 1) / threads;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t => body(t * size, Math.Min(count, (t + 1) * size)));
        }
    }
}
