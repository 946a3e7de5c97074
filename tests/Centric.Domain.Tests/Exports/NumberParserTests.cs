using System.Globalization;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using FsCheck.Xunit;

namespace Centric.Domain.Tests.Exports;

public class NumberParserTests
{
    [Theory]
    [InlineData("1234.5", DecimalSeparator.Point, "1234.5")]
    [InlineData("1,234.5", DecimalSeparator.Point, "1234.5")]
    [InlineData("1.234,5", DecimalSeparator.Comma, "1234.5")]
    [InlineData("1234,5", DecimalSeparator.Comma, "1234.5")]
    [InlineData("€ 1 234,50", DecimalSeparator.Comma, "1234.50")]
    [InlineData("1\u00A0234,50 €", DecimalSeparator.Comma, "1234.50")]
    [InlineData("$1,000,000.00", DecimalSeparator.Point, "1000000.00")]
    [InlineData("£-3.5", DecimalSeparator.Point, "-3.5")]
    [InlineData("(12.00)", DecimalSeparator.Point, "-12.00")]
    [InlineData("12.00-", DecimalSeparator.Point, "-12.00")]
    [InlineData("+7", DecimalSeparator.Comma, "7")]
    [InlineData("0,125", DecimalSeparator.Comma, "0.125")]
    [InlineData(",5", DecimalSeparator.Comma, "0.5")]
    [InlineData("1.234", DecimalSeparator.Comma, "1234")]
    [InlineData("1,234", DecimalSeparator.Point, "1234")]
    public void TryParse_SupportedStyles_ReadTheAmount(string text, DecimalSeparator separator, string expected)
    {
        Assert.True(NumberParser.TryParse(text, separator, out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1.5", DecimalSeparator.Comma)]
    [InlineData("1,5", DecimalSeparator.Point)]
    [InlineData("12,34,5", DecimalSeparator.Point)]
    [InlineData("1.2.3", DecimalSeparator.Point)]
    [InlineData("abc", DecimalSeparator.Point)]
    [InlineData("", DecimalSeparator.Point)]
    [InlineData("-", DecimalSeparator.Point)]
    [InlineData("12.", DecimalSeparator.Point)]
    [InlineData("1e5", DecimalSeparator.Point)]
    [InlineData("12 apples", DecimalSeparator.Point)]
    public void TryParse_MalformedOrWrongSeparator_IsNotANumber(string text, DecimalSeparator separator) =>
        Assert.False(NumberParser.TryParse(text, separator, out _));

    [Theory]
    [InlineData("1.234,5", DecimalSeparator.Comma)]
    [InlineData("1,234.5", DecimalSeparator.Point)]
    [InlineData("1,5", DecimalSeparator.Comma)]
    [InlineData("12.50", DecimalSeparator.Point)]
    [InlineData("1,234,567", DecimalSeparator.Point)]
    [InlineData("1.234.567", DecimalSeparator.Comma)]
    [InlineData("0,125", DecimalSeparator.Comma)]
    [InlineData("1234,567", DecimalSeparator.Comma)]
    [InlineData("1,234", DecimalSeparator.Auto)]
    [InlineData("1.234", DecimalSeparator.Auto)]
    [InlineData("1234", DecimalSeparator.Auto)]
    public void Evidence_OneValue_TellsTheDecimalSeparatorOnlyWhenItCan(string text, DecimalSeparator expected) =>
        Assert.Equal(expected, NumberParser.Evidence(text));

    [Property(MaxTest = 500)]
    public bool TryParse_AnyAmountInAnySupportedStyle_ParsesBackToItself(long whole, int fraction, bool negative, byte style)
    {
        var value = (Math.Abs(whole % 100_000_000_000L) + (Math.Abs(fraction % 10_000) / 10_000m)) * (negative ? -1 : 1);
        var (text, separator) = Format(value, style % 7);
        return NumberParser.TryParse(text, separator, out var parsed) && parsed == value;
    }

    [Property(MaxTest = 500)]
    public bool Evidence_AnyFormattedAmount_NeverContradictsItsStyle(long whole, int fraction, byte style)
    {
        var value = Math.Abs(whole % 100_000_000_000L) + (Math.Abs(fraction % 10_000) / 10_000m);
        var (text, separator) = Format(value, style % 7);
        var evidence = NumberParser.Evidence(text);
        return evidence == DecimalSeparator.Auto || evidence == separator;
    }

    private static (string Text, DecimalSeparator Separator) Format(decimal value, int style)
    {
        var magnitude = Math.Abs(value);
        var plain = magnitude.ToString("0.####", CultureInfo.InvariantCulture);
        var grouped = magnitude.ToString("#,##0.####", CultureInfo.InvariantCulture);
        var swapped = grouped.Replace(',', '_').Replace('.', ',').Replace('_', '.');
        var (body, separator) = style switch
        {
            0 => (plain, DecimalSeparator.Point),
            1 => (grouped, DecimalSeparator.Point),
            2 => (swapped, DecimalSeparator.Comma),
            3 => (plain.Replace('.', ','), DecimalSeparator.Comma),
            4 => ("€ " + swapped.Replace('.', '\u00A0'), DecimalSeparator.Comma),
            5 => ("$" + grouped, DecimalSeparator.Point),
            _ => (swapped.Replace('.', ' ') + " €", DecimalSeparator.Comma),
        };
        if (value >= 0)
        {
            return (body, separator);
        }

        return (style % 3) switch
        {
            0 => ("-" + body, separator),
            1 => ("(" + body + ")", separator),
            _ => (body + "-", separator),
        };
    }

    /// <summary>
    /// A plain amount (sign, digits, a decimal mark and digits, leading zeros and all) reads as the very decimal .NET's
    /// own parser makes of it, its scale included, with either decimal mark: the digits' value, not merely an equal one.
    /// </summary>
    [Property(MaxTest = 500)]
    public bool TryParse_PlainAmount_IsTheInvariantParseToTheBit(bool negative, ulong whole, byte zeros, byte fractionDigits, ulong fraction, bool comma)
    {
        var integerText = new string('0', zeros % 3) + (whole % 10_000_000_000UL).ToString(CultureInfo.InvariantCulture);
        var fractionText = (fraction % 1_000_000_000UL).ToString(CultureInfo.InvariantCulture).PadLeft(9, '0')[..(fractionDigits % 9)];
        var invariant = (negative ? "-" : string.Empty) + integerText + (fractionText.Length > 0 ? "." + fractionText : string.Empty);
        var text = comma ? invariant.Replace('.', ',') : invariant;
        var expected = decimal.Parse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return NumberParser.TryParse(text, comma ? DecimalSeparator.Comma : DecimalSeparator.Point, out var value)
            && decimal.GetBits(value).SequenceEqual(decimal.GetBits(expected));
    }

    [Theory]
    [InlineData("0.50", 50, 2)]
    [InlineData("007.5", 75, 1)]
    [InlineData("123456789012345678", 123456789012345678, 0)]
    [InlineData("1234567890123456789", 1234567890123456789, 0)]
    public void TryParse_PlainAmount_KeepsTheDigitsAndScale(string text, long digits, int scale)
    {
        Assert.True(NumberParser.TryParse(text, DecimalSeparator.Point, out var value));
        Assert.Equal(new decimal(digits) / (decimal)Math.Pow(10, scale), value);
        Assert.Equal(scale, value.Scale);
    }
}
