namespace Centric.Domain.Numerics;

/// <summary>How a model fit ended.</summary>
public enum FitOutcome
{
    /// <summary>The optimiser met its gradient tolerance at finite, interior parameters.</summary>
    Converged,

    /// <summary>The optimiser stopped before meeting its tolerance; the parameters are the best found.</summary>
    NotConverged,

    /// <summary>A parameter ran towards 0 or infinity: the data do not identify the model.</summary>
    Diverged,

    /// <summary>There are too few usable customers to fit the model.</summary>
    InsufficientData,

    /// <summary>The fitted parameters fall outside the model's valid range (e.g. Gamma-Gamma q &lt;= 1).</summary>
    InvalidParameters,
}
