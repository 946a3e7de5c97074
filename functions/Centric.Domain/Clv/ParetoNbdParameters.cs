namespace Centric.Domain.Clv;

/// <summary>
/// Pareto/NBD parameters (Schmittlein, Morrison &amp; Colombo 1987): purchase rates λ ~ Gamma(r, α), dropout
/// rates μ ~ Gamma(s, β), both rates in the time unit.
/// </summary>
public sealed record ParetoNbdParameters(double R, double Alpha, double S, double Beta);
