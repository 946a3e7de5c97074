using System.Globalization;

namespace Centric.LocalHost.Timers;

/// <summary>
/// A six-field NCRONTAB schedule, as the Functions timer trigger reads it:
/// <c>{second} {minute} {hour} {day} {month} {day-of-week}</c>, evaluated in UTC.
/// Each field takes <c>*</c>, a value, a range <c>a-b</c>, a step <c>*/n</c> or <c>a-b/n</c>, or a comma list of
/// those. Day-of-week is 0-6 from Sunday (7 is Sunday too). As in NCrontab, a time matches when every field
/// matches, day-of-month and day-of-week included.
/// </summary>
public sealed class CronSchedule
{
    private static readonly (string Name, int Min, int Max)[] Fields =
    [
        ("second", 0, 59), ("minute", 0, 59), ("hour", 0, 23), ("day", 1, 31), ("month", 1, 12), ("day-of-week", 0, 7),
    ];

    private readonly ulong[] _fields;

    private CronSchedule(string expression, ulong[] fields)
    {
        Expression = expression;
        _fields = fields;
    }

    public string Expression { get; }

    /// <summary>Parses an expression, or throws <see cref="FormatException"/> saying what is wrong and where.</summary>
    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);

    public static bool TryParse(string? expression, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CronSchedule? schedule, out string error)
    {
        schedule = null;
        var parts = (expression ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            error = $"The schedule '{expression}' has {parts.Length} fields; NCRONTAB needs 6: second minute hour day month day-of-week (e.g. '0 */5 * * * *').";
            return false;
        }

        var fields = new ulong[6];
        for (var i = 0; i < 6; i++)
        {
            if (!TryParseField(parts[i], Fields[i].Min, Fields[i].Max, out fields[i], out var problem))
            {
                error = $"The schedule '{expression}' has an invalid {Fields[i].Name} field '{parts[i]}': {problem}.";
                return false;
            }
        }

        if ((fields[5] & (1UL << 7)) != 0)
        {
            fields[5] |= 1UL;
        }

        schedule = new CronSchedule(expression!, fields);
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// The first matching time strictly after <paramref name="after"/> (UTC, whole seconds), or null when
    /// nothing matches within eight years (e.g. February 30th).
    /// </summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        var t = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, DateTimeKind.Utc).AddSeconds(1);
        var limit = t.AddYears(8);
        while (t < limit)
        {
            if (!Has(4, t.Month))
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
            }
            else if (!Has(3, t.Day) || !Has(5, (int)t.DayOfWeek))
            {
                t = t.Date.AddDays(1);
            }
            else if (!Has(2, t.Hour))
            {
                t = new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc).AddHours(1);
            }
            else if (!Has(1, t.Minute))
            {
                t = new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
            }
            else if (!Has(0, t.Second))
            {
                t = t.AddSeconds(1);
            }
            else
            {
                return new DateTimeOffset(t);
            }
        }

        return null;
    }

    public override string ToString() => Expression;

    private bool Has(int field, int value) => (_fields[field] & (1UL << value)) != 0;

    private static bool TryParseField(string text, int min, int max, out ulong bits, out string problem)
    {
        bits = 0;
        foreach (var item in text.Split(','))
        {
            var rangeText = item;
            var step = 1;
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                rangeText = item[..slash];
                if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
                {
                    problem = $"step '{item[(slash + 1)..]}' is not a positive whole number";
                    return false;
                }
            }

            int from, to;
            if (rangeText == "*")
            {
                (from, to) = (min, max == 7 ? 6 : max);
            }
            else
            {
                var dash = rangeText.IndexOf('-', StringComparison.Ordinal);
                var fromText = dash >= 0 ? rangeText[..dash] : rangeText;
                var toText = dash >= 0 ? rangeText[(dash + 1)..] : rangeText;
                if (!TryValue(fromText, min, max, out from, out problem) || !TryValue(toText, min, max, out to, out problem))
                {
                    return false;
                }

                if (from > to)
                {
                    problem = $"range {from}-{to} runs backwards";
                    return false;
                }

                if (dash < 0 && slash >= 0)
                {
                    to = max;
                }
            }

            for (var v = from; v <= to; v += step)
            {
                bits |= 1UL << v;
            }
        }

        problem = string.Empty;
        return true;
    }

    private static bool TryValue(string text, int min, int max, out int value, out string problem)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            problem = $"'{text}' is not a number, '*' or a range";
            return false;
        }

        if (value < min || value > max)
        {
            problem = $"{value} is outside {min}-{max}";
            return false;
        }

        problem = string.Empty;
        return true;
    }
}
