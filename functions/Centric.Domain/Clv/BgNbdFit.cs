using Centric.Domain.Numerics;

namespace Centric.Domain.Clv;

/// <summary>A BG/NBD fit: the model (null when no fit was possible) and how the fit went.</summary>
public sealed record BgNbdFit(BgNbdModel? Model, FitStatus Status)
{
    /// <summary>The fitted parameters, or null when no fit was possible.</summary>
    public BgNbdParameters? Parameters => Model?.Parameters;
}
