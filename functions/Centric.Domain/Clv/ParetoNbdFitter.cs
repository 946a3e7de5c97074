using Centric.Domain.Numerics;

namespace Centric.Domain.Clv;

/// <summary>
/// Maximum-likelihood Pareto/NBD fit (Fader &amp; Hardie 2005, "A note on deriving the Pareto/NBD model
/// and related expressions", the A0 formulation) on log-parameters, with
/// identical (x, t_x, T) customers grouped into weights.
/// </summary>
public static class ParetoNbdFitter
{
    private static readonly string[] Names = ["r", "alpha", "s", "beta"];

    /// <summary>Fits r, α, s, β to the customers' summaries.</summary>
    public static ParetoNbdFit Fit(IReadOnlyList<CustomerSummary> customers, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var groups = RfmGroups.From(customers);
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
        status = status with { Message = groups.Annotate(status.Message) };
        return new ParetoNbdFit(new ParetoNbdModel(new ParetoNbdParameters(p[0], p[1], p[2], p[3])), status);
    }

    /// <summary>Total log-likelihood of the customers at the given parameters.</summary>
    public static double LogLikelihood(IReadOnlyList<CustomerSummary> customers, ParetoNbdParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(parameters);
        return LogLikelihood(RfmGroups.From(customers), parameters);
    }

    private static double LogLikelihood(RfmGroups groups, ParetoNbdParameters parameters)
    {
        var model = new ParetoNbdModel(parameters);
        var total = 0.0;
        for (var i = 0; i < groups.Count; i++)
        {
            total += groups.Weight[i] * model.LogLikelihood(groups.X[i], groups.Recency[i], groups.Age[i]);
        }

        return total;
    }
}
