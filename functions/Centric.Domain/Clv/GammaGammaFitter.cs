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
            theta => LogLikelihood(data, theta[0], theta[1], theta[2]),
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

    private static double LogLikelihood(SpendGroups data, double p, double q, double gamma)
    {
        var perX = new double[data.DistinctX.Length];
        var shared = (q * Math.Log(gamma)) - SpecialFunctions.GammaLn(q);
        for (var k = 0; k < perX.Length; k++)
        {
            var px = p * data.DistinctX[k];
            perX[k] = shared + SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px)
                + (px * Math.Log(data.DistinctX[k]));
        }

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
}
