using System.Globalization;

namespace Centric.Cli.Arguments;

/// <summary>Parses option values: calendar days and counts.</summary>
internal static class OptionValues
{
    /// <summary>Parses <c>YYYY-MM-DD</c> exactly.</summary>
    public static bool TryParse(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>Parses a positive whole number (<c>100000</c> or <c>100_000</c>).</summary>
    public static bool TryParseCount(string text, out int count) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out count)
        && count > 0;
}
