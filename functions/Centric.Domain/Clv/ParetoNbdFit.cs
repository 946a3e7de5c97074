using Centric.Domain.Numerics;

namespace Centric.Domain.Clv;

/// <summary>A Pareto/NBD fit: the model (null when no fit was possible) and how the fit went.</summary>
public sealed record ParetoNbdFit(ParetoNbdModel? Model, FitStatus Status)
{
    /// <summary>The fitted parameters, or null when no fit was possible.</summary>
    public ParetoNbdParameters? Parameters => Model?.Parameters;
}
