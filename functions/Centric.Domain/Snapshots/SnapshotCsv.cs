using System.Globalization;
using Centric.Domain.Csv;

namespace Centric.Domain.Snapshots;

/// <summary>
/// Snapshot rows as CSV, the one format the HTTP API and the CLI share: the JSON's columns in the JSON's order,
/// written by <see cref="CsvWriter"/> (RFC 4180, CRLF, invariant numbers, an empty field for null, text cells that
/// would start a spreadsheet formula neutralised).
/// </summary>
public static class SnapshotCsv
{
    public const string Header =
        "dataset,metric,grain,period,periodStart,periodEnd,segment,value,numerator,denominator,unit,preset,definitionVersion,generation,computedAt,asOf,partial,lowSample,warning";

    public static void Write(TextWriter writer, IEnumerable<SnapshotRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new CsvWriter(writer).Header(Header.Split(','));
        foreach (var r in rows)
        {
            csv.Text(r.Dataset).Text(r.Metric).Text(r.Grain).Text(r.Period).Day(r.PeriodStart).Day(r.PeriodEnd).Text(r.Segment)
                .Number(r.Value).Number(r.Numerator).Number(r.Denominator).Text(r.Unit).Text(r.Preset)
                .Number(r.DefinitionVersion).Text(r.Generation).Instant(r.ComputedAt).Day(r.AsOf)
                .Boolean(r.Partial).Boolean(r.LowSample).Text(r.Warning)
                .EndRecord();
        }
    }

    public static string Write(IEnumerable<SnapshotRow> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, rows);
        return writer.ToString();
    }
}
