using Centric.Domain.Clv;
using FsCheck.Xunit;

namespace Centric.Domain.Tests.Clv;

public class ParetoNbdModelTests
{
    private static readonly ParetoNbdModel Published = new(new ParetoNbdParameters(0.553, 10.578, 0.606, 11.669));

    [Fact]
    public void LogLikelihood_AlphaEqualToBeta_IsContinuousAcrossBothA0Branches()
    {
        static double At(double alpha) => new ParetoNbdModel(new ParetoNbdParameters(0.553, alpha, 0.606, 11.0)).LogLikelihood(3, 20, 38);

        Assert.Equal(At(11.0), At(11.0 - 1e-7), 6);
        Assert.Equal(At(11.0), At(11.0 + 1e-7), 6);
    }

    [Fact]
    public void ProbabilityAlive_PurchaseOnLastDay_IsOne() =>
        Assert.Equal(1.0, Published.ProbabilityAlive(4, 38.86, 38.86), 12);

    [Fact]
    public void ConditionalExpectedPurchases_NewCustomer_EqualsUnconditional() =>
        Assert.Equal(Published.ExpectedPurchases(39), Published.ConditionalExpectedPurchases(39, 0, 0, 0), 12);

    [Fact]
    public void ExpectedPurchases_SEqualsOne_UsesLogarithmicLimit()
    {
        var model = new ParetoNbdModel(new ParetoNbdParameters(0.5, 10, 1.0, 12));

        Assert.Equal(0.5 * 12 / 10 * Math.Log(1 + (39 / 12.0)), model.ExpectedPurchases(39), 12);
    }

    [Fact]
    public void Predictions_FiveHundredPurchasesAndExtremeRates_AreFinite()
    {
        var model = new ParetoNbdModel(new ParetoNbdParameters(0.553, 0.01, 0.606, 500));

        Assert.True(double.IsFinite(model.LogLikelihood(500, 30, 38.86)));
        Assert.InRange(model.ProbabilityAlive(500, 30, 38.86), 0, 1);
        Assert.True(double.IsFinite(model.ConditionalExpectedPurchases(39, 500, 30, 38.86)));
    }

    /// <summary>
    /// The likelihood from its definition: Γ(r+x)α^r β^s/Γ(r) [ (α+T)^{−(r+x)} (β+T)^{−s} + s ∫_{t_x}^{T} (α+y)^{−(r+x)} (β+y)^{−(s+1)} dy ],
    /// the integral by composite Simpson over 200,000 intervals in ln(β+y) (an independent rule and grid).
    /// </summary>
    private static double DefinitionLogLikelihood(double r, double alpha, double s, double beta, int x, double tx, double t)
    {
        const int n = 200_000;
        double F(double w)
        {
            var y = Math.Exp(w) - beta;
            return Math.Exp(w) * Math.Pow(alpha + y, -(r + x)) * Math.Pow(beta + y, -(s + 1));
        }

        var (a, b) = (Math.Log(beta + tx), Math.Log(beta + t));
        var h = (b - a) / n;
        var integral = F(a) + F(b);
        for (var i = 1; i < n; i++)
        {
            integral += (i % 2 == 1 ? 4 : 2) * F(a + (i * h));
        }

        integral *= h / 3;
        var head = MathNet.Numerics.SpecialFunctions.GammaLn(r + x) - MathNet.Numerics.SpecialFunctions.GammaLn(r)
            + (r * Math.Log(alpha)) + (s * Math.Log(beta));
        return head + Math.Log(Math.Pow(alpha + t, -(r + x)) * Math.Pow(beta + t, -s) + (s * integral));
    }

    [Theory]
    [InlineData(0.553, 10.578, 0.606, 11.669, 3, 20.0, 38.0)] // the published fit: 2F1 series
    [InlineData(0.553, 10.578, 0.606, 11.669, 0, 0.0, 38.0)]
    [InlineData(0.4, 5000.0, 0.6, 0.01, 0, 0.0, 4.4)] // α/β = 500,000: z ≈ 1, integrated
    [InlineData(0.4, 5000.0, 0.6, 0.01, 3, 2.0, 4.4)]
    [InlineData(1.0, 0.02, 1.0, 800.0, 12, 0.5, 4.4)] // β ≫ α, integer r and s
    [InlineData(0.9, 30.0, 0.3, 1.2, 2, 0.3, 60.0)] // z(t_x) = 0.95: the switch between series and integral
    [InlineData(0.9, 30.0, 0.3, 1.22, 2, 0.3, 60.0)]
    public void LogLikelihood_MatchesItsIntegralDefinition_OnBothSidesOfTheSeriesLimit(
        double r, double alpha, double s, double beta, int x, double tx, double t)
    {
        var model = new ParetoNbdModel(new ParetoNbdParameters(r, alpha, s, beta));

        var expected = DefinitionLogLikelihood(r, alpha, s, beta, x, tx, t);
        Assert.Equal(expected, model.LogLikelihood(x, tx, t), 9);
    }

    [Fact]
    public void LogLikelihood_OneRateFarAboveTheOther_IsFast()
    {
        // The 2F1 argument is 1 − 2e-9: its series would need billions of terms per customer.
        var model = new ParetoNbdModel(new ParetoNbdParameters(0.4, 5e6, 0.6, 0.01));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var total = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            total += model.LogLikelihood(i % 20, 0.1 * (i % 20), 4.4);
        }

        Assert.True(double.IsFinite(total));
        Assert.True(watch.ElapsedMilliseconds < 2000, $"{watch.ElapsedMilliseconds} ms for 1,000 customers");
    }

    [Property(MaxTest = 200)]
    public bool ProbabilityAlive_AnyHistory_IsAProbability(ushort frequency, byte recencyShare, byte alphaByte, byte betaByte)
    {
        var model = new ParetoNbdModel(new ParetoNbdParameters(0.553, 0.05 + alphaByte, 0.606, 0.05 + betaByte));
        var recency = frequency == 0 ? 0 : 38.86 * recencyShare / 255.0;
        var alive = model.ProbabilityAlive(frequency, recency, 38.86);
        return alive is >= 0 and <= 1;
    }
}
