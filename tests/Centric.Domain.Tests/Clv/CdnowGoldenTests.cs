using Centric.Domain.Clv;
using Xunit.Abstractions;

namespace Centric.Domain.Tests.Clv;

/// <summary>Published CDNOW results (Fader, Hardie &amp; Lee 2005; Fader &amp; Hardie 2005 Pareto/NBD note).</summary>
public class CdnowGoldenTests(ITestOutputHelper output)
{
    [Fact]
    public void Summary_CdnowSample_ReproducesPublishedSummaryForAllCustomers()
    {
        var published = CdnowData.PublishedSummary();
        var ours = CdnowData.CalibrationSummary().ToDictionary(s => int.Parse(s.CustomerId, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2357, published.Count);
        Assert.Equal(2357, ours.Count);
        var mismatches = published.Where(row =>
        {
            var s = ours[row.Id];
            return s.Frequency != row.X
                || Round2((decimal)s.Recency) != row.Recency
                || Round2((decimal)s.Age) != row.Age
                || Round2(s.MonetaryValue) != row.Spend;
        }).Select(row => row.Id).ToList();
        Assert.Empty(mismatches);
    }

    [Fact]
    public void BgNbd_CdnowSample_MatchesPublishedParametersAndLogLikelihood()
    {
        var fit = BgNbdFitter.Fit(CdnowData.CalibrationSummary());
        output.WriteLine(fit.ToString());

        Assert.True(fit.Status.Converged, fit.Status.Message);
        var p = fit.Parameters!;
        Assert.Equal(0.243, Math.Round(p.R, 3));
        Assert.Equal(4.414, Math.Round(p.Alpha, 3));
        Assert.Equal(0.793, Math.Round(p.A, 3));
        Assert.Equal(2.426, Math.Round(p.B, 3));
        Assert.Equal(-9582.4, Math.Round(fit.Status.LogLikelihood!.Value, 1));
    }

    [Fact]
    public void ParetoNbd_CdnowSample_MatchesPublishedParametersAndLogLikelihood()
    {
        var fit = ParetoNbdFitter.Fit(CdnowData.CalibrationSummary());
        output.WriteLine(fit.ToString());

        Assert.True(fit.Status.Converged, fit.Status.Message);
        var p = fit.Parameters!;
        Assert.Equal(0.553, Math.Round(p.R, 3));
        Assert.Equal(10.578, Math.Round(p.Alpha, 3));
        Assert.Equal(0.606, Math.Round(p.S, 3));
        Assert.Equal(11.669, Math.Round(p.Beta, 3));
        Assert.Equal(-9595.0, Math.Round(fit.Status.LogLikelihood!.Value, 1));
    }

    [Fact]
    public void GammaGamma_CdnowRepeatCustomers_MatchesPublishedParameters()
    {
        var fit = GammaGammaFitter.Fit(CdnowData.CalibrationSummary());
        output.WriteLine(fit.ToString());

        Assert.True(fit.Status.Converged, fit.Status.Message);
        var p = fit.Parameters!;
        Assert.Equal(6.25, Math.Round(p.P, 2));
        Assert.Equal(3.74, Math.Round(p.Q, 2));
        Assert.Equal(15.44, Math.Round(p.Gamma, 2));
    }

    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(2.0, 0.5)]
    public void WarmStartedFits_FromAwayFromTheOptimum_StillMatchThePublishedParameters(double up, double down)
    {
        // A warm start goes straight to BFGS (on the exact gradient for BG/NBD and Gamma-Gamma): it must land on the
        // same published optimum from parameters half or twice the published ones.
        var customers = CdnowData.CalibrationSummary();
        var bg = BgNbdFitter.Fit(customers, new FitOptions { Start = [0.243 * up, 4.414 * down, 0.793 * up, 2.426 * down] });
        var pareto = ParetoNbdFitter.Fit(customers, new FitOptions { Start = [0.553 * up, 10.578 * down, 0.606 * up, 11.669 * down] });
        var spend = GammaGammaFitter.Fit(customers, new FitOptions { Start = [6.25 * up, 3.74 * up, 15.44 * down] });

        Assert.True(bg.Status.Converged && pareto.Status.Converged && spend.Status.Converged, $"{bg.Status} {pareto.Status} {spend.Status}");
        Assert.Equal((0.243, 4.414, 0.793, 2.426), (Math.Round(bg.Parameters!.R, 3), Math.Round(bg.Parameters.Alpha, 3), Math.Round(bg.Parameters.A, 3), Math.Round(bg.Parameters.B, 3)));
        Assert.Equal((0.553, 10.578, 0.606, 11.669), (Math.Round(pareto.Parameters!.R, 3), Math.Round(pareto.Parameters.Alpha, 3), Math.Round(pareto.Parameters.S, 3), Math.Round(pareto.Parameters.Beta, 3)));
        Assert.Equal((6.25, 3.74, 15.44), (Math.Round(spend.Parameters!.P, 2), Math.Round(spend.Parameters.Q, 2), Math.Round(spend.Parameters.Gamma, 2)));
    }

    private static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
