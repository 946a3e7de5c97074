using System.Globalization;

namespace Centric.Cli.Arguments;

/// <summary>Calendar-day and count options.</summary>
internal static class Days
{
    /// <summary>Parses <c>YYYY-MM-DD</c> exactly.</summary>
    public static bool TryParse(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>Parses a positive whole number (<c>100000</c> or <c>100_000</c>).</summary>
    public static bool TryParseCount(string text, out int count) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out count)
        && count > 0;
}
