using System.Globalization;
using Centric.Domain.Activity;
using FsCheck.Xunit;

namespace Centric.Domain.Tests.Activity;

public sealed class AmountColumnTests
{
    /// <summary>What DuckDB hands back for <c>DECIMAL(38,4)</c> sums: the trailing zeros dropped, so each value has its own scale.</summary>
    [Fact]
    public void ValuesOfManyScales_AreHeldInEightBytesAndReadBackWithTheirScale()
    {
        var negativeZero = new decimal(0, 0, 0, true, 2);
        decimal[] values = [12.5m, 0m, 12.34m, -3m, 0.0001m, -7.0500m, negativeZero, 288230376151711743m, -1.2345678901234567m];
        var column = Fill(values);

        Assert.True(column.IsPacked);
        Assert.Equal(values.Select(Text), Enumerable.Range(0, values.Length).Select(i => Text(column[i])));
        Assert.True(decimal.IsNegative(column[6]));
        Assert.Equal(values.Select(decimal.GetBits), Enumerable.Range(0, values.Length).Select(i => decimal.GetBits(column[i])));
    }

    [Theory]
    [InlineData("288230376151711744")]                 // 2^58: one past the largest packed magnitude
    [InlineData("12345678901234567890.1234")]          // more than 64 bits of digits
    [InlineData("-0")]                                 // a negative zero of scale 0 has no packed form of its own
    public void AValueThatDoesNotFit_TurnsTheColumnIntoDecimalsAndLosesNothing(string text)
    {
        var odd = text == "-0" ? new decimal(0, 0, 0, true, 0) : decimal.Parse(text, CultureInfo.InvariantCulture);
        decimal[] values = [1.5m, 2.25m, odd, 0.000m];
        var column = Fill(values);

        Assert.False(column.IsPacked);
        Assert.Equal(values.Select(decimal.GetBits), Enumerable.Range(0, values.Length).Select(i => decimal.GetBits(column[i])));
    }

    [Property(MaxTest = 300)]
    public bool AnyDecimals_ReadBackBitForBit(int lo, int mid, int hi, bool negative, byte scaleSeed, bool small)
    {
        // Half the cases keep the digits under 2^57 so that they are packed; the rest mostly are not.
        var value = new decimal(lo, small ? mid & 0x01FF_FFFF : mid, small ? 0 : hi, negative, (byte)(scaleSeed % 29));
        var zeroOfScaleZero = value == 0 && value.Scale == 0; // either it or its negation is -0 of scale 0
        decimal[] values = [1.10m, value, -value, 3m];
        var column = Fill(values);

        return values.Select(decimal.GetBits).SelectMany(b => b)
            .SequenceEqual(Enumerable.Range(0, values.Length).Select(i => decimal.GetBits(column[i])).SelectMany(b => b))
            && (!small || column.IsPacked || zeroOfScaleZero);
    }

    private static AmountColumn Fill(IEnumerable<decimal> values)
    {
        var column = new AmountColumn();
        foreach (var value in values)
        {
            column.Add(value);
        }

        column.Trim();
        return column;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
