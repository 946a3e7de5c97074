using System.Globalization;

namespace Centric.Cli.Output;

/// <summary>RFC 4180 fields: quoted only when they hold a comma, a quote or a line break; invariant numbers.</summary>
internal static class Csv
{
    public const string NewLine = "\r\n";

    public static string Quote(string? field) =>
        string.IsNullOrEmpty(field) ? string.Empty
        : field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : field;

    public static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Round-trip form; empty for null and for values that are not finite.</summary>
    public static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            writer.Write(Quote(field));
            first = false;
        }

        writer.Write(NewLine);
    }
}
