using FsCheck.Xunit;

namespace Centric.Domain.Tests.Families.CustomerLists;

/// <summary>
/// A listed amount without its trailing zeros is, bit for bit, what dividing it by one at the largest scale gives (the
/// runtime's own division, an independent way to the same decimal).
/// </summary>
public class AmountTrimTests
{
    private static decimal ByDivision(decimal amount) => amount / 1.000000000000000000000000000000000m;

    [Property(MaxTest = 2000)]
    public bool AnyDecimal_TrimsAsTheDivisionDoes(int low, int middle, int high, bool negative, byte scale, byte rounding)
    {
        var amount = new decimal(low, middle % 3 == 0 ? middle : 0, high % 5 == 0 ? high : 0, negative, (byte)(scale % 29));
        // Amounts as money usually are: few decimals, padded with zeros to a wider scale.
        if (rounding % 2 == 0)
        {
            amount = Math.Round(amount, rounding % 5) * 1.0000m;
        }

        return decimal.GetBits(Domain.Families.CustomerLists.CustomerLists.Trim(amount)).SequenceEqual(decimal.GetBits(ByDivision(amount)));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0.00", "0")]
    [InlineData("12.50", "12.5")]
    [InlineData("1000.0000", "1000")]
    [InlineData("-7.000010", "-7.00001")]
    [InlineData("0.0000000000000000000000000010", "0.000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("7922816251426433759354395.0000", "7922816251426433759354395")]
    public void Amounts_LoseOnlyTheirTrailingZeros(string amount, string trimmed)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        var result = Domain.Families.CustomerLists.CustomerLists.Trim(value);

        Assert.Equal(trimmed, result.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.GetBits(ByDivision(value)), decimal.GetBits(result));
    }
}
