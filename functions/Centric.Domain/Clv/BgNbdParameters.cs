namespace Centric.Domain.Clv;

/// <summary>
/// BG/NBD parameters (Fader, Hardie &amp; Lee 2005): purchase rates λ ~ Gamma(r, α) (α a rate, in the time unit),
/// dropout probabilities p ~ Beta(a, b).
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B);
