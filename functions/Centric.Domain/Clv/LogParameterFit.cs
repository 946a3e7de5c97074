using System.Globalization;
using Centric.Domain.Numerics;

namespace Centric.Domain.Clv;

/// <summary>
/// Maximum likelihood on log-parameters (so every parameter stays positive) with an optional L2 penalty,
/// turning the optimiser's end state into a <see cref="FitStatus"/>.
/// </summary>
internal static class LogParameterFit
{
    /// <summary>|log θ| beyond this (θ &gt; 6.6e7 or θ &lt; 1.5e-8) means the parameter is running off.</summary>
    private const double LogBound = 18.0;

    /// <param name="logLikelihood">Total weighted log-likelihood at natural parameters.</param>
    /// <param name="totalWeight">Number of customers (the objective is the mean negative log-likelihood).</param>
    /// <param name="start">Starting natural parameters.</param>
    /// <param name="names">Parameter names for messages.</param>
    /// <param name="options">Penalty, tolerance and budget.</param>
    public static (double[] Parameters, FitStatus Status) Run(
        Func<double[], double> logLikelihood,
        double totalWeight,
        double[] start,
        string[] names,
        FitOptions options)
    {
        var natural = new double[start.Length];
        var evaluations = 0;
        double Objective(double[] theta)
        {
            evaluations++;
            return ToNatural(theta, natural) is { } penalty
                ? (-logLikelihood(natural) / totalWeight) + (options.Penalizer * penalty)
                : double.PositiveInfinity;
        }

        var result = Minimizer.Minimize(
            Objective, [.. start.Select(v => Math.Log(v))], options.GradientTolerance, options.MaxIterations,
            warmStart: options.HasStart(start.Length));
        var (parameters, status) = Report(logLikelihood, result, names, options);
        return (parameters, status with { Evaluations = evaluations });
    }

    /// <summary>
    /// As <see cref="Run(Func{double[], double}, double, double[], string[], FitOptions)"/> with the likelihood's exact
    /// gradient: <paramref name="logLikelihood"/> returns the total log-likelihood at natural parameters θ and, when
    /// asked, writes ∂LL/∂θ_i; the search runs on log θ, where the chain rule gives θ_i ∂LL/∂θ_i. A start given in
    /// <paramref name="options"/> (a neighbouring fit) skips the simplex.
    /// </summary>
    public static (double[] Parameters, FitStatus Status) Run(
        GradientObjective logLikelihood,
        double totalWeight,
        double[] start,
        string[] names,
        FitOptions options)
    {
        var natural = new double[start.Length];
        var naturalGradient = new double[start.Length];
        var evaluations = 0;
        double Objective(double[] theta, double[]? gradient)
        {
            evaluations++;
            if (ToNatural(theta, natural) is not { } penalty)
            {
                return double.PositiveInfinity;
            }

            var ll = logLikelihood(natural, gradient is null ? null : naturalGradient);
            if (gradient is not null)
            {
                for (var i = 0; i < theta.Length; i++)
                {
                    gradient[i] = (-natural[i] * naturalGradient[i] / totalWeight) + (2.0 * options.Penalizer * natural[i] * natural[i]);
                }
            }

            return (-ll / totalWeight) + (options.Penalizer * penalty);
        }

        var result = Minimizer.Minimize(
            Objective, [.. start.Select(v => Math.Log(v))], options.GradientTolerance, options.MaxIterations,
            warmStart: options.HasStart(start.Length));
        var (parameters, status) = Report(p => logLikelihood(p, null), result, names, options);
        return (parameters, status with { Evaluations = evaluations });
    }

    /// <summary>
    /// Writes the natural parameters exp(θ) into <paramref name="natural"/> and returns their sum of squares (the L2
    /// penalty before its weight), or null when a log-parameter is so far out that the objective is taken as infinite.
    /// </summary>
    private static double? ToNatural(double[] theta, double[] natural)
    {
        var penalty = 0.0;
        for (var i = 0; i < theta.Length; i++)
        {
            if (Math.Abs(theta[i]) > 2 * LogBound)
            {
                return null;
            }

            natural[i] = Math.Exp(theta[i]);
            penalty += natural[i] * natural[i];
        }

        return penalty;
    }

    private static (double[] Parameters, FitStatus Status) Report(
        Func<double[], double> logLikelihood, MinimizationResult result, string[] names, FitOptions options)
    {
        var parameters = result.Point.Select(v => Math.Exp(v)).ToArray();
        var ll = logLikelihood(parameters);
        double? reportedLl = double.IsFinite(ll) ? ll : null;
        double? gradient = double.IsFinite(result.GradientNorm) ? result.GradientNorm : null;

        var runaway = Enumerable.Range(0, parameters.Length).FirstOrDefault(i => Math.Abs(result.Point[i]) > LogBound, -1);
        FitStatus status;
        if (runaway >= 0)
        {
            status = new FitStatus(FitOutcome.Diverged, result.Iterations, gradient, reportedLl, string.Create(
                CultureInfo.InvariantCulture,
                $"parameter {names[runaway]} ran to {parameters[runaway]:G3}: the data do not identify the model (too few or too similar customers)"));
        }
        else if (result.Outcome == MinimizationOutcome.NonFinite || reportedLl is null)
        {
            status = new FitStatus(FitOutcome.NotConverged, result.Iterations, gradient, reportedLl,
                "the log-likelihood is not finite for these data");
        }
        else if (result.Outcome == MinimizationOutcome.Converged)
        {
            status = new FitStatus(FitOutcome.Converged, result.Iterations, gradient, reportedLl, "converged");
        }
        else
        {
            status = new FitStatus(FitOutcome.NotConverged, result.Iterations, gradient, reportedLl, string.Create(
                CultureInfo.InvariantCulture,
                $"stopped after {result.Iterations} iterations ({result.Outcome}) with gradient norm {result.GradientNorm:G3} above {options.GradientTolerance:G3}"));
        }

        return (parameters, status);
    }
}
