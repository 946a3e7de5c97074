namespace Centric.Domain.Numerics;

/// <summary>The outcome of a model fit, reported as data: a fit that fails is a status, never an exception.</summary>
/// <param name="Outcome">How the fit ended.</param>
/// <param name="Iterations">Optimiser iterations used (0 when no fit was attempted).</param>
/// <param name="GradientNorm">Norm of the gradient of the mean negative log-likelihood on the log-parameters.</param>
/// <param name="LogLikelihood">Total (weighted) log-likelihood at the reported parameters, without penalty.</param>
/// <param name="Message">A sentence for people reading the result.</param>
public sealed record FitStatus(
    FitOutcome Outcome,
    int Iterations,
    double? GradientNorm,
    double? LogLikelihood,
    string Message)
{
    /// <summary>True when the parameters can be used as a fitted model.</summary>
    public bool Converged => Outcome == FitOutcome.Converged;

    /// <summary>
    /// Log-likelihood evaluations the optimiser made (each with or without its gradient); 0 when no fit was attempted.
    /// A measure of cost for benchmarks, not part of the served status.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Evaluations { get; init; }

    /// <summary>A status for a fit that was not attempted.</summary>
    public static FitStatus NotAttempted(FitOutcome outcome, string message) => new(outcome, 0, null, null, message);
}
