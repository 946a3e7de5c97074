using System.Globalization;
using System.Text;
using Centric.Domain.Snapshots;

namespace Centric.Functions.Api;

/// <summary>Snapshot rows as CSV with the same columns as the JSON (RFC 4180 quoting, invariant numbers).</summary>
internal static class SnapshotCsv
{
    public const string Header =
        "dataset,metric,grain,period,periodStart,periodEnd,segment,value,numerator,denominator,unit,preset,definitionVersion,generation,computedAt,asOf,partial,lowSample";

    public static string Write(IEnumerable<SnapshotRow> rows)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var r in rows)
        {
            string[] fields =
            [
                r.Dataset, r.Metric, r.Grain, r.Period, Day(r.PeriodStart), Day(r.PeriodEnd), r.Segment,
                Number(r.Value), Number(r.Numerator), Number(r.Denominator), r.Unit, r.Preset ?? "",
                r.DefinitionVersion.ToString(CultureInfo.InvariantCulture), r.Generation,
                r.ComputedAt.ToString("O", CultureInfo.InvariantCulture), Day(r.AsOf),
                r.Partial ? "true" : "false", r.LowSample ? "true" : "false",
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
