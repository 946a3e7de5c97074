using Centric.Domain.Numerics;

namespace Centric.Domain.Clv;

/// <summary>A Gamma-Gamma fit: the model (null when no valid fit, including q ≤ 1) and how the fit went.</summary>
public sealed record GammaGammaFit(GammaGammaModel? Model, FitStatus Status)
{
    /// <summary>The fitted parameters, or null when no valid fit was possible.</summary>
    public GammaGammaParameters? Parameters => Model?.Parameters;
}
