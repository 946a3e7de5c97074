using System.Globalization;
using Centric.Domain.Snapshots;

namespace Centric.Cli.Output;

/// <summary>Snapshot rows as CSV: the JSON's columns in the JSON's order, as the HTTP API serves them.</summary>
internal static class SnapshotsCsv
{
    public const string Header =
        "dataset,metric,grain,period,periodStart,periodEnd,segment,value,numerator,denominator,unit,preset,definitionVersion,generation,computedAt,asOf,partial,lowSample";

    public static void Write(string path, IEnumerable<SnapshotRow> rows)
    {
        using var writer = OutputFile.CreateText(path);
        writer.Write(Header + Csv.NewLine);
        foreach (var r in rows)
        {
            Csv.WriteRecord(writer,
            [
                r.Dataset, r.Metric, r.Grain, r.Period, Csv.Day(r.PeriodStart), Csv.Day(r.PeriodEnd), r.Segment,
                Csv.Number(r.Value), Csv.Number(r.Numerator), Csv.Number(r.Denominator), r.Unit, r.Preset,
                r.DefinitionVersion.ToString(CultureInfo.InvariantCulture), r.Generation,
                r.ComputedAt.ToString("O", CultureInfo.InvariantCulture), Csv.Day(r.AsOf),
                r.Partial ? "true" : "false", r.LowSample ? "true" : "false",
            ]);
        }
    }
}
