using Centric.Domain.Numerics;

namespace Centric.Domain.Clv;

/// <summary>Fits a transaction model on a calibration period and compares its predictions with a holdout.</summary>
public static class HoldoutCheck
{
    /// <summary>Groups 0..6 by frequency, then one group for x ≥ 7.</summary>
    public const int LastGroup = 7;

    /// <summary>
    /// The holdout window checked with a dataset's fit: the last 26 weeks when the data spans 78 weeks or more, else
    /// the last third; null when either side would be shorter than four weeks.
    /// </summary>
    public static (DateOnly CalibrationEnd, DateOnly HoldoutEnd)? Window(DateOnly first, DateOnly asOf)
    {
        var span = asOf.DayNumber - first.DayNumber;
        var holdout = span >= 78 * 7 ? 26 * 7 : span / 3;
        return holdout < 28 || span - holdout < 28 ? null : (asOf.AddDays(-holdout), asOf);
    }

    /// <summary>
    /// Calibration is every transaction up to <paramref name="calibrationEnd"/> (inclusive); the holdout is
    /// (calibrationEnd, holdoutEnd]. Only customers seen in the calibration period are compared.
    /// </summary>
    public static HoldoutReport Run(
        IEnumerable<Transaction> transactions,
        DateOnly calibrationEnd,
        DateOnly holdoutEnd,
        TimeUnit unit = TimeUnit.Week,
        TransactionModelKind model = TransactionModelKind.BgNbd,
        FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(holdoutEnd, calibrationEnd);

        var all = transactions as IReadOnlyCollection<Transaction> ?? [.. transactions];
        var calibration = RfmSummarizer.Summarize(all, calibrationEnd, unit);
        var holdoutDays = all
            .Where(t => t.Day > calibrationEnd && t.Day <= holdoutEnd && t.Amount >= 0)
            .Select(t => (t.CustomerId, t.Day))
            .Distinct()
            .GroupBy(t => t.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var (fitted, status) = FitModel(calibration, model, options);
        var length = TimeUnits.FromDays(holdoutEnd.DayNumber - calibrationEnd.DayNumber, unit);

        var customers = new int[LastGroup + 1];
        var predicted = new double[LastGroup + 1];
        var actual = new int[LastGroup + 1];
        foreach (var c in calibration)
        {
            var g = Math.Min(c.Frequency, LastGroup);
            customers[g]++;
            actual[g] += holdoutDays.GetValueOrDefault(c.CustomerId);
            if (fitted is not null)
            {
                predicted[g] += fitted.ConditionalExpectedPurchases(length, c.Frequency, c.Recency, c.Age);
            }
        }

        var groups = Enumerable.Range(0, LastGroup + 1)
            .Select(g => new HoldoutGroup(
                g,
                g == LastGroup ? $"{LastGroup}+" : g.ToString(System.Globalization.CultureInfo.InvariantCulture),
                customers[g],
                fitted is null ? null : predicted[g],
                actual[g]))
            .ToList();
        double? total = fitted is null ? null : predicted.Sum();
        return new HoldoutReport(status, length, calibration.Count, total, actual.Sum(), groups);
    }

    private static (ITransactionModel? Model, FitStatus Status) FitModel(
        IReadOnlyList<CustomerSummary> calibration, TransactionModelKind kind, FitOptions? options)
    {
        if (kind == TransactionModelKind.ParetoNbd)
        {
            var pareto = ParetoNbdFitter.Fit(calibration, options);
            return (pareto.Model, pareto.Status);
        }

        var bgnbd = BgNbdFitter.Fit(calibration, options);
        return (bgnbd.Model, bgnbd.Status);
    }
}
