using System.Text.Json;

namespace Centric.Cli.Tests.Commands;

public class BenchCommandTests
{
    [Fact]
    public void Bench_TinyRun_PrintsEveryTimingAsJson()
    {
        var run = CliRun.Of("bench", "--kinds", "orders", "--orders", "600", "--customers", "50");

        Assert.True(run.ExitCode == 0, run.Err);
        var kinds = JsonDocument.Parse(run.Out).RootElement.GetProperty("kinds");
        var report = Assert.Single(kinds.EnumerateArray());
        Assert.Equal("orders", report.GetProperty("kind").GetString());

        // The sample generator sizes the file to within a few percent of the requested orders.
        Assert.InRange(report.GetProperty("rows").GetInt32(), 570, 630);
        Assert.Equal(50, report.GetProperty("customers").GetInt32());
        Assert.True(report.GetProperty("rowsPerSecond").GetDouble() > 0);
        Assert.True(report.GetProperty("peakWorkingSetMb").GetDouble() > 0);
        Assert.True(report.GetProperty("computeManagedPeakMb").GetDouble() > 0);
        Assert.True(report.GetProperty("snapshotRows").GetInt32() > 0);
        var steps = report.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal("load orders", steps[0].GetProperty("name").GetString());
        Assert.Contains(steps, s => s.GetProperty("name").GetString() == "family orders");
        // Every snapshot row comes from exactly one family step.
        var familyRows = steps.Where(s => s.GetProperty("name").GetString()!.StartsWith("family ", StringComparison.Ordinal))
            .Sum(s => s.GetProperty("rows").GetInt64());
        Assert.Equal(report.GetProperty("snapshotRows").GetInt32(), familyRows);
        Assert.True(steps.Sum(s => s.GetProperty("milliseconds").GetInt64()) <= report.GetProperty("computeMs").GetInt64());
        Assert.Equal(0, report.GetProperty("rejected").GetInt64());

        // The ingest is measured against the bare CSV read, the compute against the bare read of the curated Parquet.
        double? Ratio(string of, string against) => report.GetProperty(against).GetInt64() is > 0 and var bare
            ? Math.Round(report.GetProperty(of).GetInt64() / (double)bare, 1)
            : null;
        double? Read(string name) => report.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDouble() : null;
        Assert.Equal(Ratio("ingestMs", "duckDbMs"), Read("ingestRatio"));
        Assert.Equal(Ratio("computeMs", "duckDbParquetMs"), Read("computeRatio"));
        Assert.Contains("| compute ÷ Parquet |", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_EveryExperienceKind_IsGeneratedToTheExactRowCount_IngestedWithoutRejects_AndComputed()
    {
        var run = CliRun.Of("bench", "--kinds", "subscriptions,tickets,surveys,communications,onboarding,mentions", "--rows", "2000");

        Assert.True(run.ExitCode == 0, run.Err);
        var kinds = JsonDocument.Parse(run.Out).RootElement.GetProperty("kinds").EnumerateArray().ToArray();
        Assert.Equal(
            ["subscriptions", "tickets", "surveys", "communications", "onboarding", "mentions"],
            kinds.Select(k => k.GetProperty("kind").GetString()));
        foreach (var kind in kinds)
        {
            var name = kind.GetProperty("kind").GetString();
            Assert.Equal(2000, kind.GetProperty("rows").GetInt64());
            Assert.True(kind.GetProperty("rejected").GetInt64() == 0, $"{name} had rejected rows");
            Assert.True(kind.GetProperty("snapshotRows").GetInt32() > 0, $"{name} computed no metric");
        }

        // Customers: one per onboarding, one per three subscriptions, one per ten other events; mentions have none.
        Assert.Equal([666, 200, 200, 200, 2000, 0], kinds.Select(k => k.GetProperty("customers").GetInt32()));
        Assert.Contains("| tickets | 2000 |", run.Err, StringComparison.Ordinal);
        Assert.Contains("bare DuckDB read_csv", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_OrdersNotANumber_Exits2WithUsage()
    {
        var run = CliRun.Of("bench", "--orders", "many");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--orders 'many' is not a positive whole number", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_UnknownKind_Exits2NamingTheKindsItGenerates()
    {
        var run = CliRun.Of("bench", "--kinds", "tickets,fx-rates");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--kinds 'fx-rates' is not a kind the bench generates; use any of orders, subscriptions", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchClvFits_SmallRun_TimesEachStepAndFitsCdnowWithPareto()
    {
        var run = CliRun.Of("bench", "--clv-fits", "--customers", "20000", "--cdnow", CdnowFiles.PathOf("CDNOW_sample.txt"));

        Assert.True(run.ExitCode == 0, run.Err);
        var steps = JsonDocument.Parse(run.Out).RootElement.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(
            ["bg/nbd fit", "gamma-gamma fit", "score", "fit and score", "pareto/nbd fit (cdnow)"],
            steps.Select(s => s.GetProperty("step").GetString()));
        Assert.All(steps[..4], s => Assert.Equal(20000, s.GetProperty("customers").GetInt32()));
        Assert.Equal(steps[..3].Sum(s => s.GetProperty("ms").GetInt64()), steps[3].GetProperty("ms").GetInt64());
        Assert.Equal(2357, steps[4].GetProperty("customers").GetInt32());
        Assert.Equal("Converged", steps[4].GetProperty("status").GetString());
        Assert.InRange(steps[0].GetProperty("groups").GetInt32(), 1, 20000);
        Assert.Contains("| pareto/nbd fit (cdnow) | 2357 |", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchClvFits_MissingCdnowFile_Exits2NamingIt()
    {
        var run = CliRun.Of("bench", "--clv-fits", "--cdnow", "no-such-file.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--cdnow 'no-such-file.txt' does not exist", run.Err, StringComparison.Ordinal);
    }
}
