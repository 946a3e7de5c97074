using Centric.Domain.Clv;

namespace Centric.Domain.Tests.Clv;

/// <summary>
/// The analytic log-likelihood gradients against central finite differences of the log-likelihood itself (an
/// independent computation), at random parameter points on simulated customers and on the CDNOW sample.
/// </summary>
public class LikelihoodGradientTests
{
    private static readonly IReadOnlyList<CustomerSummary> Simulated = BgNbdSimulator.Simulate(
        new BgNbdParameters(0.4, 6.0, 0.9, 3.0), 3000, 20, 39, seed: 5, grain: 1 / 7.0, spend: new GammaGammaParameters(5.0, 3.0, 12.0));

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void BgNbd_Gradient_MatchesCentralDifferences(int seed)
    {
        var random = new Random(seed);
        var point = new[] { Draw(random, 0.05, 3), Draw(random, 0.5, 40), Draw(random, 0.1, 5), Draw(random, 0.2, 10) };
        foreach (var customers in new[] { Simulated, CdnowData.CalibrationSummary() })
        {
            var analytic = BgNbdFitter.LogLikelihoodGradient(customers, Bg(point));
            var numeric = CentralDifferences(p => BgNbdFitter.LogLikelihood(customers, Bg(p)), point);
            AssertClose(numeric, analytic, point);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GammaGamma_Gradient_MatchesCentralDifferences(int seed)
    {
        var random = new Random(seed);
        var point = new[] { Draw(random, 0.5, 20), Draw(random, 1.2, 10), Draw(random, 0.5, 50) };
        foreach (var customers in new[] { Simulated, CdnowData.CalibrationSummary() })
        {
            var analytic = GammaGammaFitter.LogLikelihoodGradient(customers, Gg(point));
            var numeric = CentralDifferences(p => GammaGammaFitter.LogLikelihood(customers, Gg(p)), point);
            AssertClose(numeric, analytic, point);
        }
    }

    /// <summary>The fit takes the value from the pass that also gives the gradient: it must be the value alone, to the bit.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void LogLikelihood_WithTheGradient_IsTheSameNumberAsAlone(int seed)
    {
        var random = new Random(seed);
        var bg = Bg([Draw(random, 0.05, 3), Draw(random, 0.5, 40), Draw(random, 0.1, 5), Draw(random, 0.2, 10)]);
        var gg = Gg([Draw(random, 0.5, 20), Draw(random, 1.2, 10), Draw(random, 0.5, 50)]);
        foreach (var customers in new[] { Simulated, CdnowData.CalibrationSummary() })
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(BgNbdFitter.LogLikelihood(customers, bg)),
                BitConverter.DoubleToInt64Bits(BgNbdFitter.LogLikelihoodAndGradient(customers, bg).LogLikelihood));
            Assert.Equal(BitConverter.DoubleToInt64Bits(GammaGammaFitter.LogLikelihood(customers, gg)),
                BitConverter.DoubleToInt64Bits(GammaGammaFitter.LogLikelihoodAndGradient(customers, gg).LogLikelihood));
            Assert.Equal(BgNbdFitter.LogLikelihoodGradient(customers, bg), BgNbdFitter.LogLikelihoodAndGradient(customers, bg).Gradient);
        }
    }

    [Fact]
    public void BgNbd_GradientAtThePublishedCdnowFit_IsNearZero()
    {
        var fit = BgNbdFitter.Fit(CdnowData.CalibrationSummary());
        var gradient = BgNbdFitter.LogLikelihoodGradient(CdnowData.CalibrationSummary(), fit.Parameters!);
        var p = fit.Parameters!;
        double[] scaled = [gradient[0] * p.R, gradient[1] * p.Alpha, gradient[2] * p.A, gradient[3] * p.B];

        // The fitter stops at a mean (per customer) log-parameter gradient below 1e-6.
        Assert.All(scaled, g => Assert.True(Math.Abs(g) / 2357 < 1e-5, $"{g}"));
    }

    private static BgNbdParameters Bg(double[] p) => new(p[0], p[1], p[2], p[3]);

    private static GammaGammaParameters Gg(double[] p) => new(p[0], p[1], p[2]);

    /// <summary>A log-uniform draw in [low, high].</summary>
    private static double Draw(Random random, double low, double high) =>
        Math.Exp(Math.Log(low) + (random.NextDouble() * (Math.Log(high) - Math.Log(low))));

    private static double[] CentralDifferences(Func<double[], double> f, double[] point)
    {
        var result = new double[point.Length];
        for (var i = 0; i < point.Length; i++)
        {
            var h = 1e-5 * point[i];
            var up = (double[])point.Clone();
            var down = (double[])point.Clone();
            up[i] += h;
            down[i] -= h;
            result[i] = (f(up) - f(down)) / (2 * h);
        }

        return result;
    }

    private static void AssertClose(double[] numeric, IReadOnlyList<double> analytic, double[] point)
    {
        for (var i = 0; i < numeric.Length; i++)
        {
            // Relative to the partial derivative's size; the finite differences carry about 1e-7 of it in rounding.
            var scale = Math.Max(1.0, Math.Abs(numeric[i]));
            Assert.True(
                Math.Abs(numeric[i] - analytic[i]) <= 1e-5 * scale,
                $"parameter {i} at [{string.Join(", ", point)}]: analytic {analytic[i]}, central differences {numeric[i]}");
        }
    }

    [Theory]
    [InlineData(0.553, 10.578, 0.606, 11.669)]
    [InlineData(0.5, 400.0, 0.6, 2.0)]
    [InlineData(0.5, 2.0, 0.6, 400.0)]
    public void ParetoNbd_GroupedLikelihood_EqualsTheSumOverCustomers(double r, double alpha, double s, double beta)
    {
        // The fitter shares terms between customers of equal x, (x, T) and (x, t_x); each customer's own likelihood is
        // the independent reference (the second and third points take the integral form of A0 for most customers).
        var customers = CdnowData.CalibrationSummary();
        var parameters = new ParetoNbdParameters(r, alpha, s, beta);
        var model = new ParetoNbdModel(parameters);

        var grouped = ParetoNbdFitter.LogLikelihood(customers, parameters);
        var summed = customers.Sum(c => model.LogLikelihood(c.Frequency, c.Recency, c.Age));

        Assert.Equal(summed, grouped, Math.Abs(summed) * 1e-12);
    }
}
