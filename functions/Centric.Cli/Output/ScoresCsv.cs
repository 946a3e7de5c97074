using Centric.Domain.Csv;
using Centric.Engine.Clv;

namespace Centric.Cli.Output;

/// <summary>
/// Per-customer CLV scores as CSV (<see cref="CsvWriter"/>), one row per customer; empty cells where a score is
/// undefined.
/// </summary>
internal static class ScoresCsv
{
    public const string Header =
        "customerId,frequency,recency,age,monetaryValue,pAlive,expectedPurchases,expectedSpend,clv,tier";

    public static void Write(string path, IEnumerable<CustomerScoreRow> scores)
    {
        using var writer = OutputFile.CreateText(path);
        var csv = new CsvWriter(writer).Header(Header.Split(','));
        foreach (var s in scores)
        {
            csv.Text(s.CustomerId).Number(s.Frequency).Number(s.Recency).Number(s.Age)
                .Number(s.MonetaryValue).Number(s.PAlive).Number(s.ExpectedPurchases)
                .Number(s.ExpectedSpend).Number(s.Clv).Text(s.Tier)
                .EndRecord();
        }
    }
}
