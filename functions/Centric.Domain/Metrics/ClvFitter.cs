using Centric.Domain.Clv;
using Centric.Domain.Datasets;
using Centric.Domain.Numerics;

namespace Centric.Domain.Metrics;

/// <summary>
/// Fits the dataset's CLV models on the transactions up to a calibration end and scores every customer over the
/// horizon (METRICS.md, <c>clv-predicted</c>): transaction model by settings (<c>bgnbd</c> or <c>pareto-nbd</c>),
/// Gamma-Gamma on repeat customers with spend &gt; 0, weekly time unit.
/// </summary>
public static class ClvFitter
{
    public static TransactionModelKind ModelKindOf(ClvSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.Equals(settings.Model, "pareto-nbd", StringComparison.OrdinalIgnoreCase)
            ? TransactionModelKind.ParetoNbd
            : TransactionModelKind.BgNbd;
    }

    public static ClvFit FitAt(IReadOnlyList<Transaction> transactions, DateOnly calibrationEnd, ClvSettings settings, TimeUnit unit = TimeUnit.Week)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var kind = ModelKindOf(settings);
        var summaries = RfmSummarizer.Summarize(transactions, calibrationEnd, unit);
        ITransactionModel? model;
        FitStatus status;
        if (kind == TransactionModelKind.ParetoNbd)
        {
            var fit = ParetoNbdFitter.Fit(summaries);
            (model, status) = (fit.Model, fit.Status);
        }
        else
        {
            var fit = BgNbdFitter.Fit(summaries);
            (model, status) = (fit.Model, fit.Status);
        }

        var spendFit = GammaGammaFitter.Fit(summaries);
        var options = new ClvOptions { HorizonMonths = settings.HorizonMonths, MonthlyDiscountRate = settings.MonthlyDiscountRate, Unit = unit };
        var scores = model is null
            ? summaries.Select(s => new CustomerScore(s.CustomerId, null, null, null, null)).ToArray()
            : ClvCalculator.Score(summaries, model, spendFit.Model, options);
        return new ClvFit(calibrationEnd, kind, unit, summaries, model, status, spendFit.Model, spendFit.Status, scores);
    }
}
