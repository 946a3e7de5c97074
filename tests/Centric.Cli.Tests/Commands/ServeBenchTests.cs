using System.Globalization;
using System.Text.Json;

namespace Centric.Cli.Tests.Commands;

/// <summary>
/// <c>centric bench --serve</c> through a real Azurite, handler and local host, with wrk from the distribution (CI
/// installs it), for one short run: the load generator's figures reach the report, and a route the handler refuses
/// stops the bench with the handler's answer. Outside CI they are skipped, saying why, when wrk is not installed.
/// </summary>
[Trait("Category", "Load")]
public class ServeBenchTests
{
    [WrkFact]
    public void ServeBench_OneSecondAtOneConnection_MeasuresTheRouteBesideTheStaticFile()
    {
        const string route = "/api/datasets/sample/metrics/revenue?grain=quarter";

        var run = CliRun.Of("bench", "--serve", "--seconds", "1", "--connections", "1", "--route", route);

        Assert.True(run.ExitCode == 0, run.Err);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(1, report.GetProperty("seconds").GetInt32());
        var measured = Assert.Single(report.GetProperty("routes").EnumerateArray());
        Assert.Equal(route, measured.GetProperty("route").GetString());
        Assert.True(measured.GetProperty("bytes").GetInt32() > 2, run.Out);
        var one = Assert.Single(measured.GetProperty("runs").EnumerateArray());
        Assert.Equal(1, one.GetProperty("connections").GetInt32());
        Assert.Equal(1, one.GetProperty("threads").GetInt32());

        // wrk's figures for both servers, and the ratio and goal worked out from them.
        var handler = one.GetProperty("handler");
        var bare = one.GetProperty("staticFile");
        foreach (var server in new[] { handler, bare })
        {
            Assert.True(server.GetProperty("requestsPerSecond").GetDouble() > 0, run.Out);
            Assert.True(server.GetProperty("requests").GetInt64() > 0, run.Out);
            Assert.InRange(server.GetProperty("p50Ms").GetDouble(), 0.000001, server.GetProperty("p99Ms").GetDouble());
            Assert.Equal(0, server.GetProperty("errors").GetInt64());
        }

        var ratio = Math.Round(handler.GetProperty("requestsPerSecond").GetDouble() / bare.GetProperty("requestsPerSecond").GetDouble(), 2);
        Assert.Equal(ratio, one.GetProperty("ratio").GetDouble());
        Assert.Equal(ratio >= 0.5 && handler.GetProperty("p99Ms").GetDouble() < 20, one.GetProperty("meetsGoal").GetBoolean());
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"GET {route} ("), run.Err, StringComparison.Ordinal);
    }

    [WrkFact]
    public void ServeBench_ARouteTheHandlerRefuses_StopsWithItsAnswer_AndMeasuresNothing()
    {
        const string route = "/api/datasets/sample/metrics/revenue?grain=fortnight";

        var run = CliRun.Of("bench", "--serve", "--seconds", "1", "--connections", "1", "--route", route);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"GET {route} answered 400", run.Err, StringComparison.Ordinal);
        Assert.Contains("grain", run.Err, StringComparison.Ordinal);
        Assert.Contains("Nothing was measured; the handler and Azurite were stopped.", run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }
}

/// <summary>A fact that needs wrk on PATH: skipped outside CI when it is missing; in CI (<c>CI</c> set) it always runs, since <c>.ci/run</c> installs it.</summary>
public sealed class WrkFactAttribute : FactAttribute
{
    public WrkFactAttribute()
    {
        if (Centric.Cli.Bench.Wrk.Find() is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "wrk is not on PATH (apt-get install wrk); the serving bench's tests need it.";
        }
    }
}
