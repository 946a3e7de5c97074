using System.Text.Json;
using Centric.Cli.Bench;

namespace Centric.Cli.Tests.Commands;

public class BenchGrowthTests
{
    private static CliRun Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CentricCli.Run(args, stdout, stderr, environment: name => environment.GetValueOrDefault(name));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void RowsList_MeasuresOrdersAtEachSize_UnderTheDuckDbSettings()
    {
        var run = Run(
            new Dictionary<string, string> { ["DuckDb__InstanceMemoryMb"] = "512", ["DuckDb__Threads"] = "1" },
            "bench", "--rows", "600,1800");

        Assert.True(run.ExitCode == 0, run.Err);
        var report = JsonDocument.Parse(run.Out).RootElement;

        // 60 % of 512 MiB, the function app's rule for the instance memory.
        Assert.Equal(307, report.GetProperty("memoryLimitMb").GetInt32());
        Assert.Equal(1, report.GetProperty("threads").GetInt32());
        var sizes = report.GetProperty("sizes").EnumerateArray().ToArray();
        Assert.Equal(2, sizes.Length);
        Assert.InRange(sizes[0].GetProperty("rows").GetInt32(), 570, 630);
        Assert.InRange(sizes[1].GetProperty("rows").GetInt32(), 1710, 1890);
        Assert.Equal([60, 180], sizes.Select(s => s.GetProperty("customers").GetInt32()));
        Assert.All(sizes, s =>
        {
            Assert.Equal("orders", s.GetProperty("kind").GetString());
            Assert.True(s.GetProperty("peakWorkingSetMb").GetDouble() > 0);
            Assert.True(s.GetProperty("ingestPeakMb").GetDouble() > 0);
            Assert.True(s.GetProperty("computePeakMb").GetDouble() > 0);
            Assert.True(s.GetProperty("computeManagedPeakMb").GetDouble() > 0);
            Assert.True(s.GetProperty("snapshotRows").GetInt32() > 0);
            Assert.Equal(0, s.GetProperty("rejected").GetInt64());
        });
        Assert.Contains("DuckDB memory_limit 307 MiB, 1 threads", run.Err, StringComparison.Ordinal);
        Assert.Contains("| rows | customers | ingest ms | compute ms | total ms | rows/s | peak MiB | ingest peak | compute peak | of it .NET heap |", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Growth_WithKinds_IsAUsageError()
    {
        var run = Run(new Dictionary<string, string>(), "bench", "--growth", "--kinds", "tickets");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("leave out --kinds, --orders and --customers", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Growth_WithAMalformedDuckDbSetting_NamesTheSetting()
    {
        var run = Run(new Dictionary<string, string> { ["DuckDb__MemoryLimitMb"] = "lots" }, "bench", "--rows", "600,1200");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("DuckDb:MemoryLimitMb = 'lots' is not a positive whole number", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void WrkReport_IsReadInMilliseconds_WithFailedRequestsCounted()
    {
        // wrk 4.1's --latency report, as printed for a run against a handler that failed some requests.
        const string report = """
            Running 5s test @ http://127.0.0.1:5000/answer.json
              2 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   812.34us  1.02ms   31.89ms   95.12%
                Req/Sec     4.08k   312.55     4.61k    71.00%
              Latency Distribution
                 50%  564.00us
                 75%    0.88ms
                 90%    1.31ms
                 99%    1.20s
              40976 requests in 5.05s, 9.81MB read
              Socket errors: connect 0, read 2, write 0, timeout 3
              Non-2xx or 3xx responses: 7
            Requests/sec:   8117.22
            Transfer/sec:      1.94MB
            """;

        var result = Wrk.Parse(report);

        Assert.Equal(new WrkResult(8117.2, 0.564, 1200, 40976, 12), result);
    }
}
