namespace Centric.Domain.Numerics;

/// <summary>How a minimisation ended.</summary>
public enum MinimizationOutcome
{
    /// <summary>The gradient norm fell below the tolerance.</summary>
    Converged,

    /// <summary>The iteration budget ran out first.</summary>
    MaxIterations,

    /// <summary>No step along the search direction lowered the objective any more.</summary>
    NoProgress,

    /// <summary>The objective was not finite at the starting point.</summary>
    NonFinite,
}
