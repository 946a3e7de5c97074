using Centric.Domain.Clv;
using Centric.Domain.Datasets;
using Centric.Domain.Numerics;

namespace Centric.Domain.Metrics;

/// <summary>
/// Fits the dataset's CLV models on the transactions up to a calibration end and scores every customer over the
/// horizon (docs/metrics.md, <c>clv-predicted</c>): transaction model by settings (<c>bgnbd</c> or <c>pareto-nbd</c>),
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

    /// <summary>
    /// A start for a <paramref name="kind"/> fit from a neighbouring fit's converged model of the same kind (its
    /// parameters in the fitter's order); null otherwise, so the search starts where it does alone. The optimum does not
    /// depend on the start; a close one saves most of the iterations.
    /// </summary>
    public static FitOptions? StartFrom(ClvFit? near, TransactionModelKind kind) =>
        near is not { Status.Converged: true } ? null : (kind, near.Model) switch
        {
            (TransactionModelKind.ParetoNbd, ParetoNbdModel p) => new FitOptions { Start = [p.Parameters.R, p.Parameters.Alpha, p.Parameters.S, p.Parameters.Beta] },
            (TransactionModelKind.BgNbd, BgNbdModel b) => new FitOptions { Start = [b.Parameters.R, b.Parameters.Alpha, b.Parameters.A, b.Parameters.B] },
            _ => null,
        };

    /// <param name="transactions">Purchase days with their spend.</param>
    /// <param name="calibrationEnd">Last day the fit sees (inclusive).</param>
    /// <param name="settings">The dataset's CLV settings.</param>
    /// <param name="unit">Time unit of the summaries.</param>
    /// <param name="near">A fit of neighbouring data (another period's) to start the searches from: same optimum, fewer iterations.
    /// Only its converged models are starts (<see cref="StartFrom"/>); a search whose neighbour did not converge starts alone.</param>
    public static ClvFit FitAt(
        IReadOnlyList<Transaction> transactions, DateOnly calibrationEnd, ClvSettings settings, TimeUnit unit = TimeUnit.Week, ClvFit? near = null)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        return FitAt(PurchaseHistory.From(transactions.Where(t => t.Day <= calibrationEnd)), calibrationEnd, settings, unit, near);
    }

    /// <summary>As <see cref="FitAt(IReadOnlyList{Transaction}, DateOnly, ClvSettings, TimeUnit, ClvFit?)"/>, from a history
    /// built once for fits at several calibration ends.</summary>
    public static ClvFit FitAt(
        PurchaseHistory history, DateOnly calibrationEnd, ClvSettings settings, TimeUnit unit = TimeUnit.Week, ClvFit? near = null)
    {
        // The as-of fit runs alone (the period ends are fitted after it, several at once), so its BG/NBD likelihood is
        // spread over the processors.
        var fit = FitModelsAt(history, calibrationEnd, settings, unit, near, Environment.ProcessorCount);
        var options = new ClvOptions { HorizonMonths = settings.HorizonMonths, MonthlyDiscountRate = settings.MonthlyDiscountRate, Unit = unit };
        var scores = fit.Model is null
            ? ClvCalculator.Unscored(fit.Summaries)
            : ClvCalculator.Score(fit.Summaries, fit.Groups, fit.Model, fit.Spend, options);
        return new ClvFit(calibrationEnd, fit.ModelKind, unit, fit.Summaries, fit.Model, fit.Status, fit.Spend, fit.SpendStatus, scores);
    }

    /// <summary>
    /// The models of <see cref="FitAt(PurchaseHistory, DateOnly, ClvSettings, TimeUnit, ClvFit?)"/>, its customers not yet
    /// scored; a BG/NBD likelihood is evaluated on up to <paramref name="threads"/> threads (the same numbers).
    /// </summary>
    internal static ClvModelFit FitModelsAt(
        PurchaseHistory history, DateOnly calibrationEnd, ClvSettings settings, TimeUnit unit = TimeUnit.Week, ClvFit? near = null, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(settings);
        var kind = ModelKindOf(settings);
        var numbers = new List<int>(history.Customers);
        var summaries = history.Summarize(calibrationEnd, unit, numbers);
        var groups = RfmGroups.From(summaries);
        ITransactionModel? model;
        FitStatus status;
        // A neighbouring fit is a start only where it converged: parameters that ran off would start the search far from
        // any optimum, where the fixed start is the better guess.
        var start = StartFrom(near, kind);
        if (kind == TransactionModelKind.ParetoNbd)
        {
            var fit = ParetoNbdFitter.Fit(groups, start);
            (model, status) = (fit.Model, fit.Status);
        }
        else
        {
            var fit = BgNbdFitter.Fit(groups, start, threads);
            (model, status) = (fit.Model, fit.Status);
        }

        var spendStart = near is { SpendStatus.Converged: true, Spend: { } g } ? new FitOptions { Start = [g.Parameters.P, g.Parameters.Q, g.Parameters.Gamma] } : null;
        var spendFit = GammaGammaFitter.Fit(summaries, spendStart);
        return new ClvModelFit(calibrationEnd, kind, unit, summaries, numbers, groups, model, status, spendFit.Model, spendFit.Status);
    }
}
