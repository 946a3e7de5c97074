using System.Globalization;
using Centric.Domain.Numerics;
using MathNet.Numerics;

namespace Centric.Domain.Clv;

/// <summary>
/// Maximum-likelihood Pareto/NBD fit (Fader &amp; Hardie 2005, "A note on deriving the Pareto/NBD model
/// and related expressions", the A0 formulation) on log-parameters, with
/// identical (x, t_x, T) customers grouped into weights. A fit that stops on the flat ridge of s and β growing together
/// (customers who look as if they share one dropout rate) is reported as diverged, not converged.
/// </summary>
public static class ParetoNbdFitter
{
    private static readonly string[] Names = ["r", "alpha", "s", "beta"];

    /// <summary>Fits r, α, s, β to the customers' summaries.</summary>
    public static ParetoNbdFit Fit(IReadOnlyList<CustomerSummary> customers, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return Fit(RfmGroups.From(customers), options);
    }

    /// <summary>The fit on customers already grouped (shared with the scoring of the same summaries).</summary>
    internal static ParetoNbdFit Fit(RfmGroups groups, FitOptions? options = null)
    {
        if (groups.Count == 0)
        {
            return new ParetoNbdFit(null, FitStatus.NotAttempted(FitOutcome.InsufficientData, "there are no customers to fit"));
        }

        if (!groups.RepeatBuyers)
        {
            return new ParetoNbdFit(null, FitStatus.NotAttempted(
                FitOutcome.InsufficientData, "no customer made a repeat purchase, so purchase rates and dropout cannot be estimated"));
        }

        var (p, status) = LogParameterFit.Run(
            theta => LogLikelihood(groups, new ParetoNbdParameters(theta[0], theta[1], theta[2], theta[3])),
            groups.TotalWeight,
            (options ?? FitOptions.Default).StartFor(4),
            Names,
            options ?? FitOptions.Default);
        var parameters = new ParetoNbdParameters(p[0], p[1], p[2], p[3]);
        if (status.Converged && (options ?? FitOptions.Default).Penalizer == 0 && OnFlatRidge(groups, parameters, status) is { } ridge)
        {
            status = status with { Outcome = FitOutcome.Diverged, Message = ridge };
        }

        status = status with { Message = groups.Annotate(status.Message) };
        return new ParetoNbdFit(new ParetoNbdModel(parameters), status);
    }

    /// <summary>
    /// How far along the ridge the flatness check looks: s and β scaled together by this factor keep the mean dropout
    /// rate s/β and shrink the dropout rates' coefficient of variation 1/√s by √1000 ≈ 32.
    /// </summary>
    public const double RidgeScale = 1000.0;

    /// <summary>
    /// Null, or why a fit that met its tolerance stands on a flat ridge. As s and β grow with s/β fixed, the gamma
    /// distribution of dropout rates narrows to the single rate s/β and the likelihood tends to that of a common
    /// dropout rate; where the data favour a common rate the likelihood rises (or stays level) all along the ridge,
    /// its gradient fades, and the optimiser stops with s and β wherever it happens to be. The fit is on such a ridge
    /// when scaling s and β by <see cref="RidgeScale"/> does not lower the mean log-likelihood per customer by more
    /// than the fit's gradient tolerance (1e-6): the data do not tell the fitted s and β from ones a thousand times
    /// larger.
    /// </summary>
    private static string? OnFlatRidge(RfmGroups groups, ParetoNbdParameters parameters, FitStatus status)
    {
        if (status.LogLikelihood is not { } atFit)
        {
            return null;
        }

        var along = LogLikelihood(groups, parameters with { S = parameters.S * RidgeScale, Beta = parameters.Beta * RidgeScale });
        var change = along - atFit;
        if (!double.IsFinite(along) || change / groups.TotalWeight < -RidgeTolerance)
        {
            return null;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"s and beta lie on a flat ridge (s = {parameters.S:G4}, beta = {parameters.Beta:G4}): scaling both by {RidgeScale:G4}, which keeps the mean dropout rate s/beta, changes the log-likelihood by {change:+0.###E+00;-0.###E+00;0}, so the data do not identify how dropout rates vary between customers");
    }

    /// <summary>The mean log-likelihood per customer a fit must lose along the ridge not to count as flat (the gradient tolerance).</summary>
    public const double RidgeTolerance = 1e-6;

    /// <summary>Total log-likelihood of the customers at the given parameters.</summary>
    public static double LogLikelihood(IReadOnlyList<CustomerSummary> customers, ParetoNbdParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(parameters);
        return LogLikelihood(RfmGroups.From(customers), parameters);
    }

    /// <summary>
    /// The sum of <see cref="ParetoNbdModel.LogLikelihood"/> over the groups, with the same operations in the same order,
    /// but each part computed once per value it depends on: the Γ terms per x, the survival term and A0's term at T per
    /// (x, T), A0's term at t_x per (x, t_x). Where A0 is integrated (one rate far above the other) it is per group.
    /// </summary>
    private static double LogLikelihood(RfmGroups groups, ParetoNbdParameters parameters)
    {
        var model = new ParetoNbdModel(parameters);
        var (r, alpha, s, beta) = parameters;
        var head = new double[groups.DistinctX.Length];
        var died = new double[groups.DistinctX.Length];
        for (var k = 0; k < head.Length; k++)
        {
            var x = groups.DistinctX[k];
            head[k] = SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + (r * Math.Log(alpha)) + (s * Math.Log(beta));
            died[k] = Math.Log(s) - Math.Log(r + s + x);
        }

        var alive = Unset(groups.FrequencyAgeCount);
        var atAge = Unset(groups.FrequencyAgeCount);
        var atRecency = Unset(groups.FrequencyRecencyCount);
        var total = 0.0;
        for (var i = 0; i < groups.Count; i++)
        {
            var x = groups.X[i];
            var (recency, age) = (groups.Recency[i], groups.Age[i]);
            var pairAge = groups.FrequencyAgeIndex[i];
            if (double.IsNaN(alive[pairAge]))
            {
                alive[pairAge] = (-(r + x) * Math.Log(alpha + age)) - (s * Math.Log(beta + age));
            }

            double logA0;
            if (model.IntegratesA0(x, recency))
            {
                logA0 = model.LogA0Integral(x, recency, age);
            }
            else
            {
                var pairRecency = groups.FrequencyRecencyIndex[i];
                if (double.IsNaN(atRecency[pairRecency]))
                {
                    atRecency[pairRecency] = model.LogA0Bound(x, recency);
                }

                if (double.IsNaN(atAge[pairAge]))
                {
                    atAge[pairAge] = model.LogA0Bound(x, age);
                }

                logA0 = LogSpace.SubtractExp(atRecency[pairRecency], atAge[pairAge]);
            }

            var k = groups.XIndex[i];
            total += groups.Weight[i] * (head[k] + LogSpace.AddExp(alive[pairAge], died[k] + logA0));
        }

        return total;
    }

    private static double[] Unset(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.NaN);
        return values;
    }
}
