using System.Globalization;
using System.Text.Json;

namespace Centric.Cli.Tests.Commands;

/// <summary>
/// <c>centric compute</c> end to end on the CDNOW sample (2,357 customers, 6,919 purchases) written as an orders export,
/// as of the end of the 39-week calibration: with either transaction model the dataset's as-of CLV fit is the published
/// one to 3 decimals, every customer is scored, and the Pareto/NBD compute, which once ran for more than half an
/// hour, finishes in seconds.
/// </summary>
public class ComputeCdnowTests
{
    [Theory]
    // Fader, Hardie & Lee (2005), "Counting your customers the easy way", section 5.
    [InlineData("bgnbd", "r", 0.243, "alpha", 4.414, "a", 0.793, "b", 2.426)]
    // The Pareto/NBD estimates of the same calibration data (as the lifetimes library publishes them).
    [InlineData("pareto-nbd", "r", 0.553, "alpha", 10.578, "s", 0.606, "beta", 11.669)]
    public void Compute_CdnowSampleAsOfTheCalibrationEnd_FitsThePublishedParameters(
        string model, string n1, double v1, string n2, double v2, string n3, double v3, string n4, double v4)
    {
        using var exports = new TempFolder("cdnow");
        exports.Write("orders/cdnow.csv", [.. OrdersExport(CdnowFiles.PathOf("CDNOW_sample.txt"))]);
        exports.Write("settings.json", $$"""{"reportingCurrency": "USD", "clv": {"model": "{{model}}"} }""");

        var run = CliRun.Of("compute", "--exports", exports.Root, "--as-of", "1997-09-30", "--out", exports.Beside("out"));

        Assert.True(run.ExitCode == 0, run.Err);
        var clv = JsonDocument.Parse(File.ReadAllText(Path.Combine(exports.Beside("out"), "clv.json"))).RootElement;
        Assert.Equal(model, clv.GetProperty("model").GetString());
        Assert.Equal("1997-09-30", clv.GetProperty("calibrationEnd").GetString());
        Assert.True(clv.GetProperty("status").GetProperty("converged").GetBoolean(), clv.GetProperty("status").ToString());
        var parameters = clv.GetProperty("parameters");
        Assert.Equal(
            [(n1, v1), (n2, v2), (n3, v3), (n4, v4)],
            parameters.EnumerateObject().Select(p => (p.Name, Math.Round(p.Value.GetDouble(), 3))).ToArray());

        // Gamma-Gamma on the 946 repeat buyers' average spend: p = 6.25, q = 3.74, γ = 15.44 (Fader, Hardie & Lee 2005b).
        var spend = clv.GetProperty("spendParameters");
        Assert.Equal(6.25, Math.Round(spend.GetProperty("p").GetDouble(), 2));
        Assert.Equal(3.74, Math.Round(spend.GetProperty("q").GetDouble(), 2));
        Assert.Equal(15.44, Math.Round(spend.GetProperty("gamma").GetDouble(), 2));

        var scores = File.ReadAllLines(Path.Combine(exports.Beside("out"), "scores.csv"));
        Assert.Equal(2357 + 1, scores.Length);
    }

    /// <summary>
    /// The CDNOW log (customer, customer in the sample, yyyyMMdd, CDs, dollars) as an orders export: one order per
    /// line, in US dollars.
    /// </summary>
    private static IEnumerable<string> OrdersExport(string cdnowLog)
    {
        yield return "order_id,customer_id,order_date,amount,currency,status";
        var number = 0;
        foreach (var line in File.ReadLines(cdnowLog))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 5)
            {
                continue;
            }

            var day = DateOnly.ParseExact(fields[2], "yyyyMMdd", CultureInfo.InvariantCulture);
            yield return string.Create(CultureInfo.InvariantCulture, $"o{++number:D5},c{fields[0]},{day:yyyy-MM-dd},{fields[4]},USD,completed");
        }
    }
}
