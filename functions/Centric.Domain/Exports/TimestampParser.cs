using Centric.Domain.Datasets;

namespace Centric.Domain.Exports;

/// <summary>
/// Parses the dates exports carry: ISO 8601 (<c>2026-10-03</c>, <c>2026-10-03T14:05:00+02:00</c>, <c>Z</c>, space
/// instead of <c>T</c>), <c>yyyy/MM/dd</c>, <c>yyyyMMdd</c>, and day/month dates <c>dd/MM/yyyy</c>, <c>dd-MM-yyyy</c>,
/// <c>dd.MM.yyyy</c> (or month first), each with an optional time <c>HH:mm[:ss[.fff]]</c> and offset.
/// A day/month date is read in the given order; with <see cref="DateOrder.Auto"/> only when it is unambiguous.
/// </summary>
public static class TimestampParser
{
    public static bool TryParse(ReadOnlySpan<char> text, DateOrder order, out ParsedTimestamp value)
    {
        value = default;
        var s = text.Trim();
        if (s.Length < 8)
        {
            return false;
        }

        int year, month, day, pos;
        if (Digits(s, 0, 4, out year) && s.Length >= 8 && Digits(s, 4, 4, out var monthDay) && (s.Length == 8 || !char.IsAsciiDigit(s[8])))
        {
            month = monthDay / 100;
            day = monthDay % 100;
            pos = 8;
        }
        else if (Digits(s, 0, 4, out year) && s.Length >= 10 && s[4] is '-' or '/' or '.' && s[7] == s[4]
            && Digits(s, 5, 2, out month) && Digits(s, 8, 2, out day))
        {
            pos = 10;
        }
        else if (!TryDayMonth(s, order, out year, out month, out day, out pos))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 1, month) || year is < 1 or > 9999)
        {
            return false;
        }

        var date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        if (pos == s.Length)
        {
            value = new ParsedTimestamp(date, null, IsDateOnly: true);
            return true;
        }

        if (s[pos] is not ('T' or 't' or ' ') || !TryTime(s[(pos + 1)..], out var time, out var offset))
        {
            return false;
        }

        value = new ParsedTimestamp(date + time, offset, IsDateOnly: false);
        return true;
    }

    /// <summary>What the value says about day/month order (see <see cref="DayMonthEvidence"/>).</summary>
    public static DayMonthEvidence Inspect(ReadOnlySpan<char> text)
    {
        if (!TrySplitDayMonth(text.Trim(), out var first, out var second, out _, out _))
        {
            return DayMonthEvidence.None;
        }

        return (first, second) switch
        {
            (> 31, _) or (_, > 31) or (0, _) or (_, 0) => DayMonthEvidence.None,
            (> 12, <= 12) => DayMonthEvidence.DayFirst,
            (<= 12, > 12) => DayMonthEvidence.MonthFirst,
            (<= 12, <= 12) when first != second => DayMonthEvidence.Ambiguous,
            _ => DayMonthEvidence.None,
        };
    }

    private static bool TryDayMonth(
        ReadOnlySpan<char> s, DateOrder order, out int year, out int month, out int day, out int pos)
    {
        month = day = 0;
        if (!TrySplitDayMonth(s, out var first, out var second, out year, out pos))
        {
            return false;
        }

        var dayFirst = order switch
        {
            DateOrder.Dmy => true,
            DateOrder.Mdy => false,
            _ when first == second || first > 12 => true,
            _ when second > 12 => false,
            _ => (bool?)null,
        };
        if (dayFirst is null)
        {
            return false;
        }

        (day, month) = dayFirst.Value ? (first, second) : (second, first);
        return true;
    }

    private static bool TrySplitDayMonth(
        ReadOnlySpan<char> s, out int first, out int second, out int year, out int pos)
    {
        first = second = year = pos = 0;
        var a = s[..Math.Min(s.Length, 3)].IndexOfAny('/', '-', '.');
        if (a is < 1 or > 2 || !Digits(s, 0, a, out first))
        {
            return false;
        }

        var separator = s[a];
        var rest = s[(a + 1)..];
        var b = rest[..Math.Min(rest.Length, 3)].IndexOf(separator);
        if (b is < 1 or > 2 || !Digits(rest, 0, b, out second) || !Digits(rest, b + 1, 4, out year))
        {
            return false;
        }

        pos = a + 1 + b + 1 + 4;
        return pos == s.Length || !char.IsAsciiDigit(s[pos]);
    }

    private static bool TryTime(ReadOnlySpan<char> s, out TimeSpan time, out TimeSpan? offset)
    {
        time = default;
        offset = null;
        var colon = s.IndexOf(':');
        if (colon is < 1 or > 2 || !Digits(s, 0, colon, out var hour) || !Digits(s, colon + 1, 2, out var minute))
        {
            return false;
        }

        var pos = colon + 3;
        var second = 0;
        long ticks = 0;
        if (pos < s.Length && s[pos] == ':')
        {
            if (!Digits(s, pos + 1, 2, out second))
            {
                return false;
            }

            pos += 3;
            if (pos < s.Length && s[pos] is '.' or ',')
            {
                var start = ++pos;
                while (pos < s.Length && char.IsAsciiDigit(s[pos]))
                {
                    if (pos - start < 7)
                    {
                        ticks += (s[pos] - '0') * (long)Math.Pow(10, 6 - (pos - start));
                    }

                    pos++;
                }

                if (pos == start)
                {
                    return false;
                }
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new TimeSpan(hour, minute, second) + TimeSpan.FromTicks(ticks);
        return TryOffset(s[pos..], out offset);
    }

    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan? offset)
    {
        offset = null;
        s = s.TrimStart(' ');
        if (s.Length == 0)
        {
            return true;
        }

        if (s is "Z" or "z" or "UTC" or "GMT")
        {
            offset = TimeSpan.Zero;
            return true;
        }

        if (s[0] is not ('+' or '-') || s.Length < 3 || !Digits(s, 1, 2, out var hours))
        {
            return false;
        }

        var minutes = 0;
        var rest = s[3..];
        if (rest.Length > 0 && !(rest.Length == 3 && rest[0] == ':' && Digits(rest, 1, 2, out minutes))
            && !(rest.Length == 2 && Digits(rest, 0, 2, out minutes)))
        {
            return false;
        }

        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        var span = new TimeSpan(hours, minutes, 0);
        offset = s[0] == '-' ? -span : span;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length || count == 0)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
