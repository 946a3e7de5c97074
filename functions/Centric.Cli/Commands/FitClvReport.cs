namespace Centric.Cli.Commands;

/// <summary>What <c>centric fit-clv</c> prints.</summary>
/// <param name="Model"><c>bgnbd</c> or <c>pareto-nbd</c>.</param>
/// <param name="TimeUnit"><c>week</c> or <c>day</c>: the unit of recency, age and the rate parameters.</param>
/// <param name="CalibrationEnd">Last day of the calibration period (inclusive).</param>
/// <param name="Parameters">r, alpha, a, b (BG/NBD) or r, alpha, s, beta (Pareto/NBD); null when no fit was possible.</param>
/// <param name="LogLikelihood">Total log-likelihood at the parameters.</param>
/// <param name="Customers">Customers with a purchase on or before the calibration end.</param>
/// <param name="Iterations">Optimiser iterations.</param>
/// <param name="Converged">The fit met its tolerance.</param>
/// <param name="Status"><c>converged</c>, <c>not-converged</c>, <c>diverged</c>, <c>insufficient-data</c>, <c>invalid-parameters</c>.</param>
/// <param name="Message">How the fit went, for people.</param>
/// <param name="GammaGamma">The spend model, null when it cannot be fitted.</param>
internal sealed record FitClvReport(
    string Model,
    string TimeUnit,
    DateOnly CalibrationEnd,
    IReadOnlyDictionary<string, double>? Parameters,
    double? LogLikelihood,
    int Customers,
    int Iterations,
    bool Converged,
    string Status,
    string Message,
    GammaGammaReport? GammaGamma);
