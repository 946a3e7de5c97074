using Centric.Domain.Clv;

namespace Centric.Domain.Tests.Clv;

public class BgNbdFitterTests
{
    [Fact]
    public void Fit_EveryCustomerTwice_SameParametersAndDoubleLogLikelihood()
    {
        var customers = CdnowData.CalibrationSummary();
        var twice = customers.Concat(customers.Select(c => c with { CustomerId = c.CustomerId + "-copy" })).ToList();

        var once = BgNbdFitter.Fit(customers);
        var doubled = BgNbdFitter.Fit(twice);

        Assert.Equal(once.Parameters!.R, doubled.Parameters!.R, 5);
        Assert.Equal(once.Parameters.B, doubled.Parameters.B, 4);
        Assert.Equal(2 * once.Status.LogLikelihood!.Value, doubled.Status.LogLikelihood!.Value, 3);
    }

    [Fact]
    public void Fit_WithPenalizer_ShrinksTheParameters()
    {
        var customers = CdnowData.CalibrationSummary();

        var plain = BgNbdFitter.Fit(customers).Parameters!;
        var penalized = BgNbdFitter.Fit(customers, new FitOptions { Penalizer = 0.01 }).Parameters!;

        static double SumOfSquares(BgNbdParameters p) => (p.R * p.R) + (p.Alpha * p.Alpha) + (p.A * p.A) + (p.B * p.B);
        Assert.True(SumOfSquares(penalized) < SumOfSquares(plain));
    }

    [Fact]
    public void Fit_ImpossibleHistory_IsLeftOutAndSaidSo()
    {
        var customers = CdnowData.CalibrationSummary().Append(new CustomerSummary("bad", 2, 50, 10, 5m)).ToList();

        var fit = BgNbdFitter.Fit(customers);

        Assert.True(fit.Status.Converged, fit.Status.Message);
        Assert.Equal(0.243, Math.Round(fit.Parameters!.R, 3));
        Assert.Contains("1 customers with an impossible history", fit.Status.Message, StringComparison.Ordinal);
    }
}
