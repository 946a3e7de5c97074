using System.Globalization;
using System.Text.Json;

namespace Centric.Storage.Scores;

/// <summary>
/// A day as the serializer reads a <see cref="DateOnly"/>: exactly <c>yyyy-MM-dd</c>. The stored lists carry a day for
/// nearly every listed customer, so the usual unescaped ten bytes are read as digits, without a string.
/// </summary>
internal static class IsoDay
{
    /// <summary>The day of the string the reader stands on, or null when it is not one.</summary>
    public static DateOnly? Read(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return FromAscii(reader.ValueSpan);
        }

        // Escaped (never written so, but valid JSON): unescaped, then the same rule. Six bytes at most per char (\uXXXX).
        var bytes = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (bytes > 6 * 10)
        {
            return null;
        }

        Span<char> chars = stackalloc char[(int)bytes];
        int length;
        try
        {
            length = reader.CopyString(chars);
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        return DateOnly.TryParseExact(chars[..length], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
    }

    private static DateOnly? FromAscii(ReadOnlySpan<byte> text)
    {
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
