using Centric.Domain.Clv;

namespace Centric.Domain.Tests.Clv;

/// <summary>
/// The holdout purchases a purchase history gives, the holdout check from a history against counts and predictions
/// worked out from the CDNOW log directly, and the likelihood evaluations a fit counts.
/// </summary>
public class PurchaseHistoryHoldoutTests
{
    [Fact]
    public void PurchaseDaysAfter_CountsDistinctPurchaseDaysInTheHoldout_ForEachCalibrationCustomer()
    {
        var history = PurchaseHistory.From(
        [
            new("a", new DateOnly(2025, 1, 1), 10m),
            new("a", new DateOnly(2025, 2, 1), 10m),
            new("a", new DateOnly(2025, 2, 1), 5m),   // same day: one purchase day
            new("a", new DateOnly(2025, 2, 10), -3m), // a credit is not a purchase
            new("a", new DateOnly(2025, 3, 2), 10m),  // after the holdout
            new("b", new DateOnly(2025, 1, 20), 10m), // the calibration end itself: calibration
            new("c", new DateOnly(2025, 1, 25), 10m), // first seen in the holdout: not a calibration customer
            new("d", new DateOnly(2025, 1, 5), 10m),
            new("d", new DateOnly(2025, 3, 1), 10m),  // the holdout end itself: holdout
        ]);

        var counts = history.PurchaseDaysAfter(new DateOnly(2025, 1, 20), new DateOnly(2025, 3, 1));
        var summaries = history.Summarize(new DateOnly(2025, 1, 20));

        Assert.Equal(["a", "b", "d"], summaries.Select(s => s.CustomerId));
        Assert.Equal([1, 0, 1], counts);
    }

    [Fact]
    public void Run_FromAPurchaseHistory_CountsAndPredictsAsTheLogSays()
    {
        var calibrationEnd = CdnowData.CalibrationEnd;
        var holdoutEnd = CdnowData.HoldoutEnd;

        var report = HoldoutCheck.Run(PurchaseHistory.From(CdnowData.Sample), calibrationEnd, holdoutEnd);

        // Independently: the distinct purchase days of each calibration customer in the holdout, and each customer's
        // conditional expectation from the same fit, summed per frequency group in customer order.
        var summaries = RfmSummarizer.Summarize(CdnowData.Sample, calibrationEnd);
        var holdoutDays = CdnowData.Sample
            .Where(t => t.Day > calibrationEnd && t.Day <= holdoutEnd && t.Amount >= 0)
            .Select(t => (t.CustomerId, t.Day)).Distinct()
            .GroupBy(t => t.CustomerId).ToDictionary(g => g.Key, g => g.Count());
        var model = BgNbdFitter.Fit(summaries).Model!;
        var weeks = (holdoutEnd.DayNumber - calibrationEnd.DayNumber) / 7.0;
        var actual = new int[HoldoutCheck.LastGroup + 1];
        var predicted = new double[HoldoutCheck.LastGroup + 1];
        foreach (var c in summaries)
        {
            var g = Math.Min(c.Frequency, HoldoutCheck.LastGroup);
            actual[g] += holdoutDays.GetValueOrDefault(c.CustomerId);
            predicted[g] += model.ConditionalExpectedPurchases(weeks, c.Frequency, c.Recency, c.Age);
        }

        Assert.Equal(2357, report.Customers);
        Assert.Equal(actual, report.ByFrequency.Select(g => g.Actual));
        Assert.Equal(predicted, report.ByFrequency.Select(g => g.Predicted!.Value));
        Assert.Equal(actual.Sum(), report.Actual);
    }

    [Fact]
    public void Fit_CountsItsLikelihoodEvaluations_FewerFromANearbyStart()
    {
        var customers = CdnowData.CalibrationSummary();

        var cold = BgNbdFitter.Fit(customers);
        var p = cold.Parameters!;
        var warm = BgNbdFitter.Fit(customers, new FitOptions { Start = [p.R * 1.01, p.Alpha * 1.01, p.A * 1.01, p.B * 1.01] });

        // Every iteration evaluates the likelihood at least once; Nelder–Mead's iterations more than once.
        Assert.True(cold.Status.Evaluations >= cold.Status.Iterations, $"{cold.Status.Evaluations} evaluations, {cold.Status.Iterations} iterations");
        Assert.True(warm.Status.Evaluations >= warm.Status.Iterations && warm.Status.Evaluations > 0);
        Assert.True(warm.Status.Evaluations < cold.Status.Evaluations / 2, $"{warm.Status.Evaluations} against {cold.Status.Evaluations}");
    }
}
