using Centric.Domain.Numerics;
using FsCheck.Xunit;

namespace Centric.Domain.Tests.Numerics;

public class HypergeometricTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Gauss2F1_OneOneTwo_EqualsMinusLogOneMinusZOverZ(double z) =>
        AssertClose(-Math.Log(1 - z) / z, Hypergeometric.Gauss2F1(1, 1, 2, z), 1e-13);

    [Fact]
    public void Gauss2F1_NegativeArgument_UsesPfaffAndMatchesLogTwo() =>
        AssertClose(Math.Log(2), Hypergeometric.Gauss2F1(1, 1, 2, -1), 1e-14);

    [Fact]
    public void Gauss2F1_CEqualsB_IsBinomialSeries() =>
        AssertClose(Math.Pow(0.1, -0.5), Hypergeometric.Gauss2F1(0.5, 2.7, 2.7, 0.9), 1e-13);

    [Fact]
    public void Gauss2F1_HalfHalfThreeHalves_IsArcsine() =>
        AssertClose(Math.Asin(0.5) / 0.5, Hypergeometric.Gauss2F1(0.5, 0.5, 1.5, 0.25), 1e-14);

    [Fact]
    public void Gauss2F1_NegativeIntegerA_IsPolynomial()
    {
        const double b = 1.3, c = 2.2, z = 0.7;
        var expected = 1 - (2 * b * z / c) + (b * (b + 1) * z * z / (c * (c + 1)));
        AssertClose(expected, Hypergeometric.Gauss2F1(-2, b, c, z), 1e-14);
    }

    // Reference values from mpmath.hyp2f1 at 30 digits.
    [Theory]
    [InlineData(0.5, -0.3, -0.5, 0.4, 1.20108408062173287478)]
    [InlineData(2.3, 1.7, 0.6, 0.8, 841.985831057468881918)]
    [InlineData(502.25, 3.5, 503.25, 0.97, 176129.324423168407329)]
    [InlineData(0.2, -0.4, 1.5, -3.0, 1.12212187455915286623)]
    public void Gauss2F1_MatchesHighPrecisionReference(double a, double b, double c, double z, double expected) =>
        AssertClose(expected, Hypergeometric.Gauss2F1(a, b, c, z), 1e-12);

    [Fact]
    public void Gauss2F1_ArgumentAtOrAboveOne_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.Gauss2F1(1, 1, 2, 1));

    /// <summary>The BG/NBD transformed form: parameters (a+b−1−r, a−1; a+b+x−1) stay bounded for any x.</summary>
    [Property(MaxTest = 300)]
    public bool Gauss2F1_BgNbdTransformedForm_IsFiniteForLargeFrequencies(ushort frequency, byte aByte, byte bByte, byte zByte)
    {
        var a = 0.01 + (aByte / 40.0);
        var b = 0.01 + (bByte / 40.0);
        const double r = 0.3;
        var z = zByte / 256.0;
        var c = a + b + frequency - 1.0;
        if (c <= 0 && Math.Abs(c - Math.Round(c)) < 1e-9)
        {
            return true;
        }

        return double.IsFinite(Hypergeometric.Gauss2F1(c - r - frequency, a - 1, c, z));
    }

    private static void AssertClose(double expected, double actual, double relative) =>
        Assert.True(
            Math.Abs(actual - expected) <= relative * Math.Max(1.0, Math.Abs(expected)),
            $"expected {expected:R}, got {actual:R}");
}
