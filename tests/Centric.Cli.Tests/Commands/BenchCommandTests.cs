using System.Text.Json;

namespace Centric.Cli.Tests.Commands;

public class BenchCommandTests
{
    [Fact]
    public void Bench_TinyRun_PrintsEveryTimingAsJson()
    {
        var run = CliRun.Of("bench", "--orders", "600", "--customers", "50");

        Assert.True(run.ExitCode == 0, run.Err);
        var report = JsonDocument.Parse(run.Out).RootElement;
        // The sample generator sizes the file to within a few percent of the requested orders.
        Assert.InRange(report.GetProperty("orders").GetInt32(), 570, 630);
        Assert.Equal(50, report.GetProperty("customers").GetInt32());
        var stages = new[] { "generateMs", "ingestMs", "computeMs" }.Sum(n => report.GetProperty(n).GetInt64());
        Assert.Equal(stages, report.GetProperty("totalMs").GetInt64());
        Assert.True(report.GetProperty("rowsPerSecond").GetDouble() > 0);
        Assert.True(report.GetProperty("peakWorkingSetMb").GetDouble() > 0);
        Assert.True(report.GetProperty("snapshotRows").GetInt32() > 0);
        var steps = report.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal("load orders", steps[0].GetProperty("name").GetString());
        Assert.Contains(steps, s => s.GetProperty("name").GetString() == "family orders");
        // Every snapshot row comes from exactly one family step.
        var familyRows = steps.Where(s => s.GetProperty("name").GetString()!.StartsWith("family ", StringComparison.Ordinal))
            .Sum(s => s.GetProperty("rows").GetInt64());
        Assert.Equal(report.GetProperty("snapshotRows").GetInt32(), familyRows);
        Assert.True(steps.Sum(s => s.GetProperty("milliseconds").GetInt64()) <= report.GetProperty("computeMs").GetInt64());
    }

    [Fact]
    public void Bench_OrdersNotANumber_Exits2WithUsage()
    {
        var run = CliRun.Of("bench", "--orders", "many");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--orders 'many' is not a positive whole number", run.Err, StringComparison.Ordinal);
    }
}
