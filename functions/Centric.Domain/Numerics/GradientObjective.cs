namespace Centric.Domain.Numerics;

/// <summary>
/// A smooth objective that can also give its exact gradient: returns f(x) and, when <paramref name="gradient"/> is not
/// null, writes ∂f/∂x_i into it. Neither array may be kept. The value is the same to the bit whether or not the gradient
/// is asked for: the minimiser asks for both at once where that saves an evaluation.
/// </summary>
/// <param name="x">The point.</param>
/// <param name="gradient">Null when only the value is wanted, else an array of x's length to fill.</param>
public delegate double GradientObjective(double[] x, double[]? gradient);
