using System.Text.Json;
using Centric.Cli.Output;
using Centric.Domain.Numerics;
using Centric.Engine.Clv;

namespace Centric.Cli.Tests.Output;

public class CliJsonContextTests
{
    [Fact]
    public void ClvReport_NonFiniteNumbersAndOutcomes_AreWrittenAsNullAndKebabCaseWords()
    {
        var report = new ClvReport(
            "bgnbd",
            new DateOnly(2025, 6, 30),
            "week",
            new Dictionary<string, double> { ["r"] = 0.25, ["alpha"] = double.PositiveInfinity, ["a"] = double.NaN, ["b"] = 2.5 },
            new FitStatus(FitOutcome.NotConverged, 3000, 0.01, double.NaN, "stopped after 3000 iterations"),
            null,
            new FitStatus(FitOutcome.InsufficientData, 0, null, null, "no repeat customer"),
            null);

        var json = JsonDocument.Parse(JsonSerializer.Serialize(report, CliJsonContext.Default.ClvReport)).RootElement;

        var parameters = json.GetProperty("parameters");
        Assert.Equal(0.25, parameters.GetProperty("r").GetDouble());
        Assert.Equal(JsonValueKind.Null, parameters.GetProperty("alpha").ValueKind);
        Assert.Equal(JsonValueKind.Null, parameters.GetProperty("a").ValueKind);
        Assert.Equal("not-converged", json.GetProperty("status").GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("status").GetProperty("logLikelihood").ValueKind);
        Assert.Equal("insufficient-data", json.GetProperty("spendStatus").GetProperty("outcome").GetString());
        Assert.Equal("2025-06-30", json.GetProperty("calibrationEnd").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("holdout").ValueKind);
    }
}
