using Centric.Domain.Clv;
using Xunit.Abstractions;

namespace Centric.Domain.Tests.Clv;

public class HoldoutCheckTests(ITestOutputHelper output)
{
    /// <summary>
    /// CDNOW, calibration weeks 1–39, holdout weeks 40–78 (1,882 repeat purchase days). Both models are known to
    /// under-forecast this holdout somewhat (Fader, Hardie &amp; Lee 2005, figures 3–4: customers with x = 1–2 buy
    /// more than predicted), so the total is required within 15 %, and the one-time buyers' mean within 0.03 for BG/NBD.
    /// </summary>
    [Theory]
    [InlineData(TransactionModelKind.BgNbd)]
    [InlineData(TransactionModelKind.ParetoNbd)]
    public void Run_CdnowHoldout_PredictsTotalRepeatPurchasesWithinFifteenPercent(TransactionModelKind kind)
    {
        var report = HoldoutCheck.Run(CdnowData.Sample, CdnowData.CalibrationEnd, CdnowData.HoldoutEnd, model: kind);
        output.WriteLine($"{kind}: predicted {report.Predicted:F1}, actual {report.Actual}, holdout {report.HoldoutLength:F2} weeks");
        foreach (var g in report.ByFrequency)
        {
            output.WriteLine($"x={g.Label}: n={g.Customers} predicted/customer {g.PredictedPerCustomer:F3} actual/customer {g.ActualPerCustomer:F3}");
        }

        Assert.True(report.Status.Converged, report.Status.Message);
        Assert.Equal(2357, report.Customers);
        Assert.Equal(39.0, report.HoldoutLength, 9);
        Assert.Equal(1882, report.Actual);
        Assert.InRange(report.Predicted!.Value / report.Actual, 0.85, 1.05);
        if (kind == TransactionModelKind.BgNbd)
        {
            Assert.Equal(report.ByFrequency[0].ActualPerCustomer!.Value, report.ByFrequency[0].PredictedPerCustomer!.Value, 0.03);
        }

        Assert.Equal(8, report.ByFrequency.Count);
        Assert.Equal("7+", report.ByFrequency[^1].Label);
        Assert.Equal(report.Customers, report.ByFrequency.Sum(g => g.Customers));
        Assert.Equal(report.Actual, report.ByFrequency.Sum(g => g.Actual));
    }

    /// <summary>
    /// The check started from a neighbouring fit (here the whole CDNOW log's, as the compute starts it from the as-of
    /// fit) predicts what the check started alone predicts, to the fits' precision (a hundred-thousandth: both stop where
    /// the gradient is below 1e-6, a little apart), in a fraction of the likelihood evaluations.
    /// </summary>
    [Theory]
    [InlineData(TransactionModelKind.BgNbd)]
    [InlineData(TransactionModelKind.ParetoNbd)]
    public void Run_StartedFromANeighbouringFit_PredictsAsAloneInFewerEvaluations(TransactionModelKind kind)
    {
        var settings = new Centric.Domain.Datasets.ClvSettings { Model = kind == TransactionModelKind.ParetoNbd ? "pareto-nbd" : "bgnbd" };
        var whole = Centric.Domain.Metrics.ClvFitter.FitAt(CdnowData.Sample, CdnowData.HoldoutEnd, settings);
        var start = Centric.Domain.Metrics.ClvFitter.StartFrom(whole, kind);
        Assert.NotNull(start);

        var alone = HoldoutCheck.Run(CdnowData.Sample, CdnowData.CalibrationEnd, CdnowData.HoldoutEnd, model: kind);
        var started = HoldoutCheck.Run(CdnowData.Sample, CdnowData.CalibrationEnd, CdnowData.HoldoutEnd, model: kind, options: start);

        Assert.True(started.Status.Converged, started.Status.Message);
        Assert.Equal(alone.Predicted!.Value, started.Predicted!.Value, alone.Predicted.Value * 1e-5);
        for (var g = 0; g < alone.ByFrequency.Count; g++)
        {
            Assert.Equal(alone.ByFrequency[g].Predicted!.Value, started.ByFrequency[g].Predicted!.Value, 1e-5 * Math.Max(1, alone.ByFrequency[g].Predicted!.Value));
        }

        output.WriteLine($"{kind}: {alone.Status.Evaluations} evaluations alone, {started.Status.Evaluations} started");
        Assert.True(started.Status.Evaluations < alone.Status.Evaluations, $"{started.Status.Evaluations} against {alone.Status.Evaluations}");
    }

    [Fact]
    public void Run_HoldoutPurchasesOnOneDay_CountOnceAndLatecomersAreLeftOut()
    {
        var start = new DateOnly(2024, 1, 1);
        Transaction[] log =
        [
            new("a", start, 10m), new("a", start.AddDays(3), 10m),
            new("a", start.AddDays(20), 5m), new("a", start.AddDays(20), 7m), new("a", start.AddDays(25), 1m),
            new("late", start.AddDays(21), 10m),
        ];

        var report = HoldoutCheck.Run(log, start.AddDays(14), start.AddDays(28), TimeUnit.Day);

        Assert.Equal(1, report.Customers);
        Assert.Equal(2, report.Actual);
        Assert.Equal(2, report.ByFrequency[1].Actual);
        Assert.Equal(14.0, report.HoldoutLength);
    }
}
