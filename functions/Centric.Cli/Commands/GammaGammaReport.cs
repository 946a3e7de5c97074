namespace Centric.Cli.Commands;

/// <summary>The Gamma-Gamma spend fit of <c>centric fit-clv</c>, on repeat customers with positive spend.</summary>
internal sealed record GammaGammaReport(
    double P,
    double Q,
    double Gamma,
    double? LogLikelihood,
    int Customers,
    int Iterations,
    bool Converged,
    string Status,
    string Message);
