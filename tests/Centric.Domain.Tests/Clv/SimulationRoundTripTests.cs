using Centric.Domain.Clv;
using Xunit.Abstractions;

namespace Centric.Domain.Tests.Clv;

public class SimulationRoundTripTests(ITestOutputHelper output)
{
    /// <summary>
    /// 50,000 customers simulated (seed 20050101) from r = 0.25, α = 4, a = 0.8, b = 2.5 with ages uniform on
    /// 26–52 weeks. Tolerance: every parameter within 10 % of the truth, and the fitted model's mean expected
    /// purchases in the next 52 weeks within 2 % of the true model's.
    /// </summary>
    [Fact]
    public void BgNbd_FiftyThousandSimulatedCustomers_RecoversParametersWithinTenPercent()
    {
        var truth = new BgNbdParameters(0.25, 4.0, 0.8, 2.5);
        var customers = BgNbdSimulator.Simulate(truth, 50_000, 26, 52, seed: 20050101);

        var fit = BgNbdFitter.Fit(customers);
        output.WriteLine(fit.ToString());

        Assert.True(fit.Status.Converged, fit.Status.Message);
        var p = fit.Parameters!;
        Assert.InRange(p.R / truth.R, 0.9, 1.1);
        Assert.InRange(p.Alpha / truth.Alpha, 0.9, 1.1);
        Assert.InRange(p.A / truth.A, 0.9, 1.1);
        Assert.InRange(p.B / truth.B, 0.9, 1.1);

        var trueModel = new BgNbdModel(truth);
        var expectedTrue = customers.Average(c => trueModel.ConditionalExpectedPurchases(52, c.Frequency, c.Recency, c.Age));
        var expectedFit = customers.Average(c => fit.Model!.ConditionalExpectedPurchases(52, c.Frequency, c.Recency, c.Age));
        Assert.InRange(expectedFit / expectedTrue, 0.98, 1.02);
    }

    [Fact]
    public void Simulate_SameSeed_GivesSameCustomers()
    {
        var truth = new BgNbdParameters(0.25, 4.0, 0.8, 2.5);

        var first = BgNbdSimulator.Simulate(truth, 100, 26, 52, seed: 7, grain: 1 / 7.0, spend: new GammaGammaParameters(6, 4, 15));
        var second = BgNbdSimulator.Simulate(truth, 100, 26, 52, seed: 7, grain: 1 / 7.0, spend: new GammaGammaParameters(6, 4, 15));

        Assert.Equal(first, second);
        Assert.Contains(first, c => c.Frequency > 0 && c.MonetaryValue > 0);
    }
}
