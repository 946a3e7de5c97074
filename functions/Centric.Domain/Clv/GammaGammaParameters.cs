namespace Centric.Domain.Clv;

/// <summary>
/// Gamma-Gamma spend parameters (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using iso-value curves for customer
/// base analysis", JMR 42(4)): each transaction's value z ~ Gamma(p, ν), ν ~ Gamma(q, γ) across customers.
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma);
