using System.Globalization;

namespace Centric.Domain.Snapshots;

/// <summary>
/// Snapshot rows as CSV, the one format the HTTP API and the CLI share: the JSON's columns in the JSON's order,
/// RFC 4180 quoting (only fields holding a comma, a quote or a line break), CRLF line ends, invariant numbers,
/// an empty field for null.
/// </summary>
public static class SnapshotCsv
{
    public const string Header =
        "dataset,metric,grain,period,periodStart,periodEnd,segment,value,numerator,denominator,unit,preset,definitionVersion,generation,computedAt,asOf,partial,lowSample";

    public const string NewLine = "\r\n";

    public static void Write(TextWriter writer, IEnumerable<SnapshotRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(Header + NewLine);
        foreach (var r in rows)
        {
            string?[] fields =
            [
                r.Dataset, r.Metric, r.Grain, r.Period, Day(r.PeriodStart), Day(r.PeriodEnd), r.Segment,
                Number(r.Value), Number(r.Numerator), Number(r.Denominator), r.Unit, r.Preset,
                r.DefinitionVersion.ToString(CultureInfo.InvariantCulture), r.Generation,
                r.ComputedAt.ToString("O", CultureInfo.InvariantCulture), Day(r.AsOf),
                r.Partial ? "true" : "false", r.LowSample ? "true" : "false",
            ];
            writer.Write(string.Join(',', fields.Select(Quote)));
            writer.Write(NewLine);
        }
    }

    public static string Write(IEnumerable<SnapshotRow> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, rows);
        return writer.ToString();
    }

    public static string Quote(string? field) =>
        string.IsNullOrEmpty(field) ? string.Empty
        : field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : field;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
