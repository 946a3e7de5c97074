namespace Centric.Domain.Clv;

/// <summary>
/// One group's share of the BG/NBD log-likelihood (<paramref name="Value"/>) and the amounts it adds to ∂/∂a
/// (<paramref name="A"/>) and takes from ∂/∂r, ∂/∂α and ∂/∂b (<paramref name="R"/>, <paramref name="Alpha"/>,
/// <paramref name="B"/>), as <see cref="BgNbdGroupTerms.Gradient"/> works them out.
/// </summary>
internal readonly record struct BgNbdGroupGradient(double Value, double R, double Alpha, double A, double B);
