using System.Text.Json;

namespace Centric.Cli.Tests.Commands;

/// <summary><c>centric bench --host</c> on a small dataset through a real Azurite, handler and local host.</summary>
public class HostBenchTests
{
    [Fact]
    public void HostBench_SmallDataset_TimesEveryStageFromUploadToTheFirstAnswer()
    {
        var run = CliRun.Of("bench", "--host", "--orders", "3000", "--customers", "300", "--scan-seconds", "1");

        Assert.True(run.ExitCode == 0, run.Err);
        var report = JsonDocument.Parse(run.Out).RootElement;

        // The ledger's accepted orders were checked against the rows written; the generator sizes the file within a few percent.
        Assert.InRange(report.GetProperty("orders").GetInt64(), 2850, 3150);
        Assert.Equal(300, report.GetProperty("customers").GetInt32());
        Assert.Equal(1, report.GetProperty("scanSeconds").GetInt32());
        var stages = report.GetProperty("stages").EnumerateArray().ToArray();
        Assert.Equal(
            ["upload", "wait for the scan", "ingest", "compute, the settle included", "write the snapshot rows and publish"],
            stages.Select(s => s.GetProperty("stage").GetString()));

        // The stages come from the ledger's and the dataset's own times and follow each other: together they span the
        // run from the upload to the first answer, which the command timed on its own clock.
        var sum = stages.Sum(s => s.GetProperty("ms").GetInt64());
        var total = report.GetProperty("totalMs").GetInt64();
        Assert.InRange(sum, total - 1000, total + 1000);

        // The compute waited for the settle (5 s by default) after the last ingestion.
        Assert.True(stages[3].GetProperty("ms").GetInt64() >= 5000, run.Out);
        Assert.False(string.IsNullOrEmpty(report.GetProperty("generation").GetString()));
        Assert.InRange(report.GetProperty("computedCustomers").GetInt32(), 1, 300);
        Assert.InRange(report.GetProperty("computedOrders").GetInt64(), 1, report.GetProperty("orders").GetInt64());
        Assert.True(report.GetProperty("handlerPeakMb").GetDouble() > 0);
        Assert.True(report.GetProperty("duckDbMs").GetInt64() >= 0);
        Assert.Contains("| upload to first answer |", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--scan-seconds", "90", "--scan-seconds '90' is not a whole number of seconds from 1 to 59.")]
    [InlineData("--orders", "many", "--orders 'many' is not a positive whole number.")]
    public void HostBench_AMalformedOption_IsAUsageErrorNamingIt(string option, string value, string message)
    {
        var run = CliRun.Of("bench", "--host", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }
}
