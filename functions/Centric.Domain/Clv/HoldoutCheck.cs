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
        return Run(PurchaseHistory.From(transactions), calibrationEnd, holdoutEnd, unit, model, options);
    }

    /// <summary>
    /// As <see cref="Run(IEnumerable{Transaction}, DateOnly, DateOnly, TimeUnit, TransactionModelKind, FitOptions?)"/>
    /// from a purchase history already built (by the per-period fits of the same transactions): the same summaries and
    /// holdout counts without another pass over the log, and each distinct (x, t_x, T)'s prediction computed once.
    /// </summary>
    public static HoldoutReport Run(
        PurchaseHistory history,
        DateOnly calibrationEnd,
        DateOnly holdoutEnd,
        TimeUnit unit = TimeUnit.Week,
        TransactionModelKind model = TransactionModelKind.BgNbd,
        FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(holdoutEnd, calibrationEnd);

        var calibration = history.Summarize(calibrationEnd, unit);
        var holdoutDays = history.PurchaseDaysAfter(calibrationEnd, holdoutEnd);
        var histories = RfmGroups.From(calibration);
        var (fitted, status) = FitModel(histories, model, options);
        var length = TimeUnits.FromDays(holdoutEnd.DayNumber - calibrationEnd.DayNumber, unit);

        var customers = new int[LastGroup + 1];
        var predicted = new double[LastGroup + 1];
        var actual = new int[LastGroup + 1];
        var expected = new double?[histories.Count];
        for (var i = 0; i < calibration.Count; i++)
        {
            var c = calibration[i];
            var g = Math.Min(c.Frequency, LastGroup);
            customers[g]++;
            actual[g] += holdoutDays[i];
            if (fitted is not null)
            {
                var group = histories.GroupOf[i];
                if (group < 0 || expected[group] is not { } value)
                {
                    value = fitted.ConditionalExpectedPurchases(length, c.Frequency, c.Recency, c.Age);
                    if (group >= 0)
                    {
                        expected[group] = value;
                    }
                }

                predicted[g] += value;
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
        RfmGroups calibration, TransactionModelKind kind, FitOptions? options)
    {
        if (kind == TransactionModelKind.ParetoNbd)
        {
            var pareto = ParetoNbdFitter.Fit(calibration, options);
            return (pareto.Model, pareto.Status);
        }

        // The check's cold fit runs alone, after the period fits: its likelihood is spread over the processors.
        var bgnbd = BgNbdFitter.Fit(calibration, options, Environment.ProcessorCount);
        return (bgnbd.Model, bgnbd.Status);
    }
}
