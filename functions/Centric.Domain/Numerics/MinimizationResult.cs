namespace Centric.Domain.Numerics;

/// <summary>The end point of a minimisation and how it was reached.</summary>
/// <param name="Point">The best point found.</param>
/// <param name="Value">The objective at <paramref name="Point"/>.</param>
/// <param name="Iterations">Nelder–Mead plus BFGS iterations used.</param>
/// <param name="GradientNorm">Euclidean norm of the finite-difference gradient at <paramref name="Point"/>.</param>
/// <param name="Outcome">Whether the gradient tolerance was met.</param>
public sealed record MinimizationResult(
    IReadOnlyList<double> Point,
    double Value,
    int Iterations,
    double GradientNorm,
    MinimizationOutcome Outcome);
