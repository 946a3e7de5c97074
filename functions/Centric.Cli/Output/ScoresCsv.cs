using System.Globalization;
using Centric.Engine.Clv;

namespace Centric.Cli.Output;

/// <summary>Per-customer CLV scores as CSV, one row per customer; empty cells where a score is undefined.</summary>
internal static class ScoresCsv
{
    public const string Header =
        "customerId,frequency,recency,age,monetaryValue,pAlive,expectedPurchases,expectedSpend,clv,tier";

    public static void Write(string path, IEnumerable<CustomerScoreRow> scores)
    {
        using var writer = OutputFile.CreateText(path);
        writer.Write(Header + Csv.NewLine);
        foreach (var s in scores)
        {
            Csv.WriteRecord(writer,
            [
                s.CustomerId, s.Frequency.ToString(CultureInfo.InvariantCulture), Csv.Number(s.Recency), Csv.Number(s.Age),
                Csv.Number(s.MonetaryValue), Csv.Number(s.PAlive), Csv.Number(s.ExpectedPurchases),
                Csv.Number(s.ExpectedSpend), Csv.Number(s.Clv), s.Tier,
            ]);
        }
    }
}
