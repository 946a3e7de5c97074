using System.Globalization;
using Centric.Domain.Datasets;

namespace Centric.Domain.Exports;

/// <summary>
/// Parses amounts as finance exports write them: <c>1234.5</c>, <c>1,234.5</c>, <c>1.234,5</c>, <c>1234,5</c>,
/// <c>€ 1 234,50</c>, <c>(12.00)</c>, <c>12.00-</c>. The decimal separator is decided per file (see
/// <see cref="Evidence"/>); grouping must then be well formed, so <c>1.5</c> read with a comma decimal
/// separator is rejected rather than silently read as 15.
/// </summary>
public static class NumberParser
{
    private const int MaxLength = 64;

    /// <summary>Parses <paramref name="text"/> with <paramref name="separator"/> as the decimal mark
    /// (<see cref="DecimalSeparator.Auto"/> reads as a point).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, DecimalSeparator separator, out decimal value)
    {
        if (TryPlain(text, separator == DecimalSeparator.Comma ? ',' : '.', out value))
        {
            return true;
        }

        value = 0m;
        if (!TryCore(text, out var core, out var negative) || core.Length > MaxLength)
        {
            return false;
        }

        var decimalMark = separator == DecimalSeparator.Comma ? ',' : '.';
        var groupMark = decimalMark == ',' ? '.' : ',';
        var at = core.IndexOf(decimalMark);
        var integer = at < 0 ? core : core[..at];
        var fraction = at < 0 ? [] : core[(at + 1)..];
        if (at >= 0 && (fraction.Length == 0 || !IsDigits(fraction)))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxLength + 2];
        var length = 0;
        if (negative)
        {
            buffer[length++] = '-';
        }

        if (!AppendInteger(integer, groupMark, buffer, ref length) || (length == (negative ? 1 : 0) && at < 0))
        {
            return false;
        }

        if (at >= 0)
        {
            buffer[length++] = '.';
            fraction.CopyTo(buffer[length..]);
            length += fraction.Length;
        }

        return decimal.TryParse(
            buffer[..length],
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out value);
    }

    /// <summary>
    /// The amount most rows of an export hold, an optional minus, digits and an optional decimal mark followed by
    /// digits (<c>-1234.50</c>), 18 digits at most: its value, the same decimal (scale included) that the general path
    /// gives, built from the digits without a second copy and parse. Anything else, and a negative zero, is left to
    /// the general path.
    /// </summary>
    private static bool TryPlain(ReadOnlySpan<char> text, char decimalMark, out decimal value)
    {
        value = 0m;
        var negative = text.Length > 0 && text[0] == '-';
        var at = negative ? 1 : 0;
        long digits = 0;
        var count = 0;
        var scale = -1;
        for (; at < text.Length; at++)
        {
            var c = text[at];
            if (char.IsAsciiDigit(c))
            {
                digits = (digits * 10) + (c - '0');
                count++;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (c == decimalMark && scale < 0 && count > 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (count == 0 || count > 18 || scale == 0 || (negative && digits == 0))
        {
            return false;
        }

        value = new decimal((int)digits, (int)(digits >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>
    /// What a single value says about the decimal separator: both marks (<c>1.234,5</c>) tell the last one is
    /// decimal; a repeated mark (<c>1,234,567</c>) is grouping; a single mark not followed by exactly three digits
    /// (<c>1,5</c>, <c>12.50</c>), or after a lone zero (<c>0,125</c>), is decimal. <c>1,234</c> tells nothing
    /// (<see cref="DecimalSeparator.Auto"/>).
    /// </summary>
    public static DecimalSeparator Evidence(ReadOnlySpan<char> text)
    {
        if (!TryCore(text, out var core, out _))
        {
            return DecimalSeparator.Auto;
        }

        var lastPoint = core.LastIndexOf('.');
        var lastComma = core.LastIndexOf(',');
        if (lastPoint >= 0 && lastComma >= 0)
        {
            return lastPoint > lastComma ? DecimalSeparator.Point : DecimalSeparator.Comma;
        }

        var mark = lastPoint >= 0 ? '.' : lastComma >= 0 ? ',' : '\0';
        if (mark == '\0')
        {
            return DecimalSeparator.Auto;
        }

        var decimalIfSingle = mark == '.' ? DecimalSeparator.Point : DecimalSeparator.Comma;
        var groupingIfRepeated = mark == '.' ? DecimalSeparator.Comma : DecimalSeparator.Point;
        var at = core.IndexOf(mark);
        if (at != core.LastIndexOf(mark))
        {
            return groupingIfRepeated;
        }

        var digitsAfter = core.Length - at - 1;
        var before = core[..at].Trim();
        return digitsAfter != 3 || before.Length == 0 || before is "0" || before.Length > 3 && !before.ContainsAny(' ', '\'')
            ? decimalIfSingle
            : DecimalSeparator.Auto;
    }

    private static bool TryCore(ReadOnlySpan<char> text, out ReadOnlySpan<char> core, out bool negative)
    {
        negative = false;
        core = Strip(text);
        if (core.Length >= 2 && core[0] == '(' && core[^1] == ')')
        {
            negative = true;
            core = Strip(core[1..^1]);
        }

        while (core.Length > 0 && (IsSign(core[0]) || IsCurrency(core[0]) || IsSpace(core[0])))
        {
            negative ^= core[0] is '-' or '\u2212';
            core = core[1..];
        }

        while (core.Length > 0 && (core[^1] is '-' or '\u2212' || IsCurrency(core[^1]) || IsSpace(core[^1])))
        {
            negative ^= core[^1] is '-' or '\u2212';
            core = core[..^1];
        }

        return core.Length > 0 && char.IsAsciiDigit(core[^1]) && (char.IsAsciiDigit(core[0]) || core[0] is '.' or ',');
    }

    private static ReadOnlySpan<char> Strip(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool AppendInteger(ReadOnlySpan<char> integer, char groupMark, Span<char> buffer, ref int length)
    {
        var grouped = integer.IndexOf(groupMark) >= 0 || integer.IndexOfAny(' ', '\u00A0', '\u202F') >= 0
            || integer.IndexOf('\'') >= 0;
        var group = 0;
        var groups = 0;
        foreach (var c in integer)
        {
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                group++;
                continue;
            }

            if (c != groupMark && !IsSpace(c) && c != '\'')
            {
                return false;
            }

            if (group == 0 || group > 3 || (groups > 0 && group != 3))
            {
                return false;
            }

            groups++;
            group = 0;
        }

        return !grouped || group == 3;
    }

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSign(char c) => c is '-' or '+' or '\u2212';

    private static bool IsCurrency(char c) => c is '€' or '$' or '£' or '¥';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u202F' or '\u2009';
}
