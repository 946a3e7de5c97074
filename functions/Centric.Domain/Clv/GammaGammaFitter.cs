using System.Globalization;
using Centric.Domain.Numerics;
using MathNet.Numerics;

namespace Centric.Domain.Clv;

/// <summary>
/// Maximum-likelihood Gamma-Gamma fit on the repeat customers (x &gt; 0, spend &gt; 0) using the marginal density
/// of the mean repeat spend z̄ (Fader, Hardie &amp; Lee 2005, "RFM and CLV", appendix), on log-parameters.
/// </summary>
public static class GammaGammaFitter
{
    private static readonly string[] Names = ["p", "q", "gamma"];

    /// <summary>Fits p, q, γ; customers with x = 0 or spend ≤ 0 are left out.</summary>
    public static GammaGammaFit Fit(IReadOnlyList<CustomerSummary> customers, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var data = SpendGroups.From(customers);
        if (data.Count == 0)
        {
            return new GammaGammaFit(null, FitStatus.NotAttempted(
                FitOutcome.InsufficientData, "no repeat customer with positive spend, so spend cannot be modelled"));
        }

        var (p, status) = LogParameterFit.Run(
            (theta, gradient) => LogLikelihood(data, theta[0], theta[1], theta[2], gradient),
            data.TotalWeight,
            (options ?? FitOptions.Default).StartFor(3),
            Names,
            options ?? FitOptions.Default);
        var parameters = new GammaGammaParameters(p[0], p[1], p[2]);
        if (status.Outcome == FitOutcome.Converged && !(parameters.Q > 1.0))
        {
            return new GammaGammaFit(null, status with
            {
                Outcome = FitOutcome.InvalidParameters,
                Message = string.Create(
                    CultureInfo.InvariantCulture,
                    $"q = {parameters.Q:G4} is not above 1, so the mean spend is undefined (p = {parameters.P:G4}, gamma = {parameters.Gamma:G4})"),
            });
        }

        return new GammaGammaFit(new GammaGammaModel(parameters), status);
    }

    /// <summary>Total log-likelihood of the repeat customers with positive spend.</summary>
    public static double LogLikelihood(IReadOnlyList<CustomerSummary> customers, GammaGammaParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(parameters);
        return LogLikelihood(SpendGroups.From(customers), parameters.P, parameters.Q, parameters.Gamma);
    }

    /// <summary>∂LL/∂(p, q, γ): the exact gradient of <see cref="LogLikelihood(IReadOnlyList{CustomerSummary}, GammaGammaParameters)"/>.</summary>
    public static IReadOnlyList<double> LogLikelihoodGradient(IReadOnlyList<CustomerSummary> customers, GammaGammaParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(parameters);
        var gradient = new double[3];
        LogLikelihood(SpendGroups.From(customers), parameters.P, parameters.Q, parameters.Gamma, gradient);
        return gradient;
    }

    /// <summary>
    /// The log-likelihood and its gradient from one pass, as the fit evaluates them together: the value is
    /// <see cref="LogLikelihood(IReadOnlyList{CustomerSummary}, GammaGammaParameters)"/>'s to the bit.
    /// </summary>
    public static (double LogLikelihood, IReadOnlyList<double> Gradient) LogLikelihoodAndGradient(
        IReadOnlyList<CustomerSummary> customers, GammaGammaParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(parameters);
        var gradient = new double[3];
        var value = LogLikelihood(SpendGroups.From(customers), parameters.P, parameters.Q, parameters.Gamma, gradient);
        return (value, gradient);
    }

    /// <summary>
    /// LL and, when <paramref name="gradient"/> is not null, ∂LL/∂(p, q, γ) written into it. Per customer with x repeat
    /// purchases of mean z̄:
    /// ∂/∂p = x (ψ(px+q) − ψ(px) + ln x + ln z̄ − ln(x z̄ + γ));
    /// ∂/∂q = ln γ − ψ(q) + ψ(px+q) − ln(x z̄ + γ);
    /// ∂/∂γ = q/γ − (px+q)/(x z̄ + γ).
    /// </summary>
    internal static double LogLikelihood(SpendGroups data, double p, double q, double gamma, double[]? gradient = null)
    {
        var perX = new double[data.DistinctX.Length];
        var logGamma = Math.Log(gamma);
        var shared = (q * logGamma) - SpecialFunctions.GammaLn(q);
        for (var k = 0; k < perX.Length; k++)
        {
            var px = p * data.DistinctX[k];
            perX[k] = shared + SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px)
                + (px * Math.Log(data.DistinctX[k]));
        }

        if (gradient is null)
        {
            var total = 0.0;
            for (var i = 0; i < data.Count; i++)
            {
                var x = data.X[i];
                var px = p * x;
                total += data.Weight[i] * (perX[data.XIndex[i]]
                    + ((px - 1.0) * data.LogSpend[i])
                    - ((px + q) * Math.Log((x * data.Spend[i]) + gamma)));
            }

            return total;
        }

        // ψ(px+q) − ψ(px) + ln x and ψ(px+q) once per distinct x.
        var shapeP = new double[perX.Length];
        var shapeQ = new double[perX.Length];
        for (var k = 0; k < perX.Length; k++)
        {
            var x = data.DistinctX[k];
            var psi = SpecialFunctions.DiGamma((p * x) + q);
            shapeP[k] = psi - SpecialFunctions.DiGamma(p * x) + Math.Log(x);
            shapeQ[k] = psi;
        }

        var psiQ = SpecialFunctions.DiGamma(q);
        var sum = 0.0;
        double dp = 0.0, dq = 0.0, dGamma = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            var x = data.X[i];
            var k = data.XIndex[i];
            var w = data.Weight[i];
            var px = p * x;
            var pooled = (x * data.Spend[i]) + gamma;
            var logPooled = Math.Log(pooled);
            sum += w * (perX[k] + ((px - 1.0) * data.LogSpend[i]) - ((px + q) * logPooled));
            dp += w * x * (shapeP[k] + data.LogSpend[i] - logPooled);
            dq += w * (logGamma - psiQ + shapeQ[k] - logPooled);
            dGamma += w * ((q / gamma) - ((px + q) / pooled));
        }

        (gradient[0], gradient[1], gradient[2]) = (dp, dq, dGamma);
        return sum;
    }
}
