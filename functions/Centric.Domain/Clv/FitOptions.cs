namespace Centric.Domain.Clv;

/// <summary>Options shared by the model fitters.</summary>
public sealed record FitOptions
{
    /// <summary>
    /// L2 penalty added to the mean negative log-likelihood: Penalizer × Σ θ² over the natural parameters
    /// (as lifetimes' <c>penalizer_coef</c>). 0 gives the maximum-likelihood estimate.
    /// </summary>
    public double Penalizer { get; init; }

    /// <summary>Convergence when the gradient of the mean negative log-likelihood on log-parameters is below this.</summary>
    public double GradientTolerance { get; init; } = 1e-6;

    /// <summary>Iteration budget (Nelder–Mead and BFGS together).</summary>
    public int MaxIterations { get; init; } = 3000;

    /// <summary>The defaults.</summary>
    public static FitOptions Default { get; } = new();
}
