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

    [Property(MaxTest = 200)]
    public bool ProbabilityAlive_AnyHistory_IsAProbability(ushort frequency, byte recencyShare, byte alphaByte, byte betaByte)
    {
        var model = new ParetoNbdModel(new ParetoNbdParameters(0.553, 0.05 + alphaByte, 0.606, 0.05 + betaByte));
        var recency = frequency == 0 ? 0 : 38.86 * recencyShare / 255.0;
        var alive = model.ProbabilityAlive(frequency, recency, 38.86);
        return alive is >= 0 and <= 1;
    }
}
