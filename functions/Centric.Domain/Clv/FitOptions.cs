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

    /// <summary>
    /// Natural parameters to start the search from (e.g. a neighbouring period's fit), in the fitter's order
    /// (r, α, a, b; r, α, s, β; p, q, γ). Null, or the wrong count or a non-positive value, starts from 1 for every
    /// parameter. The optimum does not depend on the start; a close start only saves iterations.
    /// </summary>
    public IReadOnlyList<double>? Start { get; init; }

    /// <summary>The start for a fitter with <paramref name="count"/> parameters.</summary>
    internal double[] StartFor(int count) =>
        HasStart(count) ? [.. Start!] : [.. Enumerable.Repeat(1.0, count)];

    /// <summary>True when <see cref="Start"/> is a usable start for a fitter with <paramref name="count"/> parameters.</summary>
    internal bool HasStart(int count) =>
        Start is { } start && start.Count == count && start.All(v => double.IsFinite(v) && v > 0);

    /// <summary>The defaults.</summary>
    public static FitOptions Default { get; } = new();
}
