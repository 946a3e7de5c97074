using Centric.Engine.Samples;
using System.Globalization;
using System.Text.Json;

namespace Centric.Cli.Tests.Commands;

public class FitClvCommandTests
{
    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Err);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    private static double Round3(JsonElement parameters, string name) => Math.Round(parameters.GetProperty(name).GetDouble(), 3);

    [Fact]
    public void FitClv_CdnowSample_ReproducesThePublishedBgNbdEstimates()
    {
        var sample = CdnowFiles.PathOf("CDNOW_sample.txt");

        var fit = Json(CliRun.Of("fit-clv", "--orders", sample, "--format", "cdnow", "--calibration-end", "1997-09-30"));

        // Fader, Hardie & Lee (2005), "Counting your customers the easy way", section 5: r = 0.243, α = 4.414,
        // a = 0.793, b = 2.426, LL = −9582.4 on the 2,357 customers of the 1/10 sample, 39-week calibration.
        var parameters = fit.GetProperty("parameters");
        Assert.Equal(0.243, Round3(parameters, "r"));
        Assert.Equal(4.414, Round3(parameters, "alpha"));
        Assert.Equal(0.793, Round3(parameters, "a"));
        Assert.Equal(2.426, Round3(parameters, "b"));
        Assert.Equal(-9582.4, Math.Round(fit.GetProperty("logLikelihood").GetDouble(), 1));
        Assert.Equal(2357, fit.GetProperty("customers").GetInt32());
        Assert.True(fit.GetProperty("converged").GetBoolean());
        Assert.Equal("bgnbd", fit.GetProperty("model").GetString());
        Assert.Equal("1997-09-30", fit.GetProperty("calibrationEnd").GetString());
        var spend = fit.GetProperty("gammaGamma");
        Assert.Equal(946, spend.GetProperty("customers").GetInt32());
        Assert.True(spend.GetProperty("q").GetDouble() > 1);
    }

    [Fact]
    public void FitClv_CdnowSampleWithParetoNbd_ConvergesNearTheBgNbdLikelihood()
    {
        var sample = CdnowFiles.PathOf("CDNOW_sample.txt");

        var fit = Json(CliRun.Of("fit-clv", "--orders", sample, "--format", "cdnow", "--calibration-end", "1997-09-30", "--model", "pareto-nbd"));

        Assert.Equal("pareto-nbd", fit.GetProperty("model").GetString());
        Assert.Equal(["r", "alpha", "s", "beta"], fit.GetProperty("parameters").EnumerateObject().Select(p => p.Name));
        Assert.True(fit.GetProperty("converged").GetBoolean(), fit.GetProperty("message").GetString());
        Assert.InRange(fit.GetProperty("logLikelihood").GetDouble(), -9600, -9550);
    }

    [Fact]
    public void FitClv_ParetoNbdOnCustomersSharingOneDropoutRate_ReportsTheFlatRidgeAsNotConverged()
    {
        // 2,000 customers whose lifetimes all end at the same rate (0.03 a week): the best gamma distribution of
        // dropout rates is the narrowest, s and beta without bound at s/beta = 0.03, and the likelihood is level along
        // that ridge (seeded, as the domain tests' data).
        using var folder = new TempFolder("ridge");
        var path = Path.Combine(folder.Root, "orders.csv");
        var end = new DateOnly(2026, 6, 30);
        var random = new Random(1);
        var lines = new List<string> { "order_id,customer_id,order_date,amount,status" };
        for (var i = 0; i < 2000; i++)
        {
            var age = 182 + random.Next(183);
            var first = end.AddDays(-age);
            var rate = MathNet.Numerics.Distributions.Gamma.Sample(random, 0.5, 35.0);
            var life = -Math.Log(1.0 - random.NextDouble()) / (0.03 / 7);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"o{lines.Count},c{i:D4},{first:yyyy-MM-dd},20,completed"));
            for (var t = -Math.Log(1.0 - random.NextDouble()) / rate; t <= Math.Min(life, age); t += -Math.Log(1.0 - random.NextDouble()) / rate)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"o{lines.Count},c{i:D4},{first.AddDays((int)Math.Ceiling(t)):yyyy-MM-dd},20,completed"));
            }
        }

        File.WriteAllLines(path, lines);

        var fit = Json(CliRun.Of("fit-clv", "--orders", path, "--calibration-end", "2026-06-30", "--model", "pareto-nbd"));

        Assert.False(fit.GetProperty("converged").GetBoolean());
        Assert.Equal("diverged", fit.GetProperty("status").GetString());
        Assert.StartsWith("s and beta lie on a flat ridge", fit.GetProperty("message").GetString(), StringComparison.Ordinal);
        var parameters = fit.GetProperty("parameters");
        Assert.InRange(parameters.GetProperty("s").GetDouble() / parameters.GetProperty("beta").GetDouble(), 0.024, 0.036);
    }

    [Fact]
    public void FitClv_OrdersCsv_SummarisesValidOrdersUpToTheLastOrderDay()
    {
        using var folder = new TempFolder("fit");
        var path = Path.Combine(folder.Root, "orders.csv");
        using (var writer = new StreamWriter(path))
        {
            SampleExports.WriteOrdersCsv(writer, new SampleOptions(Customers: 400, Seed: 7));
        }

        var valid = File.ReadLines(path).Skip(1).Select(l => l.Split(','))
            .Where(f => f[5] == "completed" && !f[3].StartsWith('-')).ToArray();
        var customers = valid.Select(f => f[1]).Distinct().Count();
        var lastDay = valid.Max(f => DateOnly.Parse(f[2][..10], CultureInfo.InvariantCulture));

        var fit = Json(CliRun.Of("fit-clv", "--orders", path, "--time-unit", "day"));

        Assert.Equal(customers, fit.GetProperty("customers").GetInt32());
        Assert.Equal(lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), fit.GetProperty("calibrationEnd").GetString());
        Assert.Equal("day", fit.GetProperty("timeUnit").GetString());
        Assert.All(fit.GetProperty("parameters").EnumerateObject(), p => Assert.True(p.Value.GetDouble() > 0, p.Name));
        Assert.Equal(JsonValueKind.Number, fit.GetProperty("logLikelihood").ValueKind);
        Assert.Equal(JsonValueKind.Object, fit.GetProperty("gammaGamma").ValueKind);
    }

    [Fact]
    public void FitClv_OrdersWithoutRepeatBuyers_ReportsInsufficientDataAndNoParameters()
    {
        using var folder = new TempFolder("fit").Write(
            "orders.csv",
            "order_id,customer_id,order_date,amount,status",
            "O1,C1,2025-01-05,10,completed",
            "O2,C2,2025-01-06,10,completed",
            "O3,C2,2025-01-09,10,cancelled");

        var run = CliRun.Of("fit-clv", "--orders", Path.Combine(folder.Root, "orders.csv"));

        var fit = Json(run);
        Assert.Equal("insufficient-data", fit.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, fit.GetProperty("parameters").ValueKind);
        Assert.Equal(JsonValueKind.Null, fit.GetProperty("gammaGamma").ValueKind);
        Assert.Equal(2, fit.GetProperty("customers").GetInt32());
        Assert.Contains("gamma-gamma not fitted", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void FitClv_MissingFile_Exits2AndSaysSo()
    {
        var run = CliRun.Of("fit-clv", "--orders", "/no/such/orders.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'/no/such/orders.csv' does not exist", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void FitClv_FileThatIsNotAnOrdersExport_Exits2WithTheIngestorsReason()
    {
        using var folder = new TempFolder("fit").Write("orders.csv", "when,what", "2025-01-01,x");

        var run = CliRun.Of("fit-clv", "--orders", Path.Combine(folder.Root, "orders.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing required columns", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void FitClv_UnknownModel_Exits2WithUsage()
    {
        var run = CliRun.Of("fit-clv", "--orders", "x.csv", "--model", "nbd");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--model 'nbd' is not one of bgnbd, pareto-nbd", run.Err, StringComparison.Ordinal);
    }
}
