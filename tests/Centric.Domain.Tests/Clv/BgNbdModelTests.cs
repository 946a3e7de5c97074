using Centric.Domain.Clv;
using FsCheck.Xunit;

namespace Centric.Domain.Tests.Clv;

/// <summary>Formula-level BG/NBD checks (Fader, Hardie &amp; Lee 2005, equations 8–10); no data file needed.</summary>
public class BgNbdModelTests
{
    /// <summary>The published parameters, r = 0.243, α = 4.414, a = 0.793, b = 2.426.</summary>
    private static readonly BgNbdModel Published = new(new BgNbdParameters(0.243, 4.414, 0.793, 2.426));

    /// <summary>The same fit at full precision (the MLE on the CDNOW sample).</summary>
    private static readonly BgNbdModel FullPrecision = new(new BgNbdParameters(0.2425945, 4.4136023, 0.7929219, 2.4259070));

    [Fact]
    public void ConditionalExpectedPurchases_PaperExampleCustomer_Expects1Point226In39Weeks() =>
        Assert.Equal(1.226, Math.Round(Published.ConditionalExpectedPurchases(39, 2, 30.43, 38.86), 3));

    /// <summary>
    /// Published cumulative repeat purchases per customer (FHL 2005, figure 2 values). They follow from the
    /// full-precision estimates, so the check allows 5e-4 for the rounding of those estimates.
    /// </summary>
    [Theory]
    [InlineData(1, 0.0532)]
    [InlineData(3, 0.1506)]
    [InlineData(32, 1.0437)]
    [InlineData(78, 1.8576)]
    public void ExpectedPurchases_PublishedParameters_MatchPublishedCurve(double weeks, double expected) =>
        Assert.Equal(expected, FullPrecision.ExpectedPurchases(weeks), 5e-4);

    // Reference values from mpmath at 30 digits using the untransformed equations (9) and (10).
    [Theory]
    [InlineData(1, 0.0532678911716586)]
    [InlineData(3, 0.150865230893046)]
    [InlineData(32, 1.04524332837444)]
    [InlineData(78, 1.86051905794277)]
    public void ExpectedPurchases_MatchesHighPrecisionReference(double weeks, double expected) =>
        Assert.Equal(expected, Published.ExpectedPurchases(weeks), 12);

    [Fact]
    public void ConditionalExpectedPurchases_FiveHundredPurchases_MatchesReferenceWithoutOverflow()
    {
        Assert.Equal(9.22002758835887, Published.ConditionalExpectedPurchases(39, 500, 38, 38.86), 10);
        Assert.Equal(0.0, Published.ConditionalExpectedPurchases(39, 500, 20, 38.86), 12);
        Assert.Equal(0.0, Published.ProbabilityAlive(500, 20, 38.86), 12);
    }

    [Fact]
    public void ConditionalExpectedPurchases_APlusBBelowOne_MatchesReferenceAndIsFinite()
    {
        var model = new BgNbdModel(new BgNbdParameters(0.243, 4.414, 0.3, 0.4));

        Assert.Equal(0.565256138789520, model.ConditionalExpectedPurchases(52, 0, 0, 10), 10);
        Assert.Equal(5.76928565825955, model.ConditionalExpectedPurchases(52, 3, 5, 10), 10);
        Assert.Equal(1.0, model.ProbabilityAlive(0, 0, 10));
    }

    [Fact]
    public void ConditionalExpectedPurchases_AExactlyOne_IsTheContinuousLimit()
    {
        var at = new BgNbdModel(new BgNbdParameters(0.243, 4.414, 1.0, 2.426)).ConditionalExpectedPurchases(39, 2, 30, 38);
        var near = new BgNbdModel(new BgNbdParameters(0.243, 4.414, 1.00001, 2.426)).ConditionalExpectedPurchases(39, 2, 30, 38);

        Assert.True(double.IsFinite(at));
        Assert.Equal(near, at, 4);
    }

    [Fact]
    public void ProbabilityOfPurchases_SumsToOneAndItsMeanIsTheExpectation()
    {
        var probabilities = Enumerable.Range(0, 400).Select(n => Published.ProbabilityOfPurchases(n, 39)).ToList();

        Assert.Equal(1.0, probabilities.Sum(), 10);
        Assert.Equal(Published.ExpectedPurchases(39), probabilities.Select((p, n) => n * p).Sum(), 8);
    }

    [Fact]
    public void ProbabilityAlive_OneTimeBuyer_IsOneAndLongSilenceLowersIt()
    {
        Assert.Equal(1.0, Published.ProbabilityAlive(0, 0, 38.86));
        Assert.True(Published.ProbabilityAlive(2, 10, 38.86) < Published.ProbabilityAlive(2, 38, 38.86));
    }

    [Property(MaxTest = 300)]
    public bool Predictions_AnyHistory_AreFiniteAndNonNegative(ushort frequency, byte recencyShare, byte aByte, byte bByte, byte tByte)
    {
        var model = new BgNbdModel(new BgNbdParameters(0.243, 4.414, 0.02 + (aByte / 50.0), 0.02 + (bByte / 50.0)));
        const double age = 38.86;
        var recency = frequency == 0 ? 0 : age * recencyShare / 255.0;
        var expected = model.ConditionalExpectedPurchases(tByte, frequency, recency, age);
        var alive = model.ProbabilityAlive(frequency, recency, age);
        return double.IsFinite(expected) && expected >= -1e-9 && alive is >= 0 and <= 1;
    }
}
