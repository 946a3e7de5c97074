using System.Runtime.ExceptionServices;
using Centric.Domain.Clv;
using Centric.Domain.Datasets;
using Centric.Domain.Segments;
using Centric.Domain.Time;

using Centric.Domain.Metrics;

namespace Centric.Domain.Families.PredictedClv;

/// <summary>
/// <c>clv-predicted</c> (mean), <c>clv-predicted-total</c>, <c>p-alive</c> (mean) and <c>expected-purchases</c> (mean
/// over the horizon) per period and segment, each period fitted on the transactions up to its e − 1 (the as-of date
/// for the partial period). Fitting is the expensive step, so only the most recent periods are fitted: the last
/// <see cref="RecentMonths"/> months, <see cref="RecentQuarters"/> quarters and every year; fits are shared by
/// periods that end on the same day.
/// </summary>
public sealed class PredictedClvMetrics(PeriodCalendar calendar, ClvSettings settings)
{
    public const int RecentMonths = 12;
    public const int RecentQuarters = 8;

    private readonly int _maxParallelFits = Environment.ProcessorCount;

    /// <summary>How many calibration ends are fitted at once (at least 1); by default one per processor.</summary>
    public int MaxParallelFits
    {
        get => _maxParallelFits;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxParallelFits = value;
        }
    }

    public IReadOnlyList<MetricValue> Compute(
        IReadOnlyList<Transaction> transactions,
        IReadOnlyDictionary<string, IReadOnlyList<string>> segmentsByCustomer,
        DateOnly asOf,
        ClvFit asOfFit,
        IReadOnlyCollection<Grain> grains)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        return transactions.Count == 0
            ? []
            : Compute(PurchaseHistory.From(transactions), transactions.Min(t => t.Day), segmentsByCustomer, asOf, asOfFit, grains);
    }

    /// <summary>As <see cref="Compute(IReadOnlyList{Transaction}, IReadOnlyDictionary{string, IReadOnlyList{string}}, DateOnly, ClvFit, IReadOnlyCollection{Grain})"/>
    /// with the transactions' purchase history already built and <paramref name="first"/> the day of the first of them,
    /// where the periods start.</summary>
    public IReadOnlyList<MetricValue> Compute(
        PurchaseHistory history,
        DateOnly first,
        IReadOnlyDictionary<string, IReadOnlyList<string>> segmentsByCustomer,
        DateOnly asOf,
        ClvFit asOfFit,
        IReadOnlyCollection<Grain> grains)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(segmentsByCustomer);
        ArgumentNullException.ThrowIfNull(asOfFit);
        ArgumentNullException.ThrowIfNull(grains);
        var chosen = new List<(Period Period, DateOnly End, bool Partial)>();
        foreach (var grain in grains)
        {
            var periods = calendar.PeriodsBetween(grain, first, asOf);
            var keep = grain switch { Grain.Month => RecentMonths, Grain.Quarter => RecentQuarters, _ => periods.Count };
            foreach (var period in periods.Skip(Math.Max(0, periods.Count - keep)))
            {
                chosen.Add((period, period.LastDayBy(asOf), period.LastDay > asOf));
            }
        }

        var ends = chosen.Select(c => c.End).Distinct().Order().ToArray();
        var totalsByEnd = SumByEnd(history, ends, asOf, asOfFit, new SegmentSlots(segmentsByCustomer, history.CustomerIds));
        var rows = new List<MetricValue>();
        foreach (var (period, end, partial) in chosen)
        {
            AddRows(rows, period, totalsByEnd[end], partial);
        }

        return rows;
    }

    /// <summary>
    /// Fits every calibration end in date order, each started from the as-of fit, lets <see cref="ClvFallback"/>
    /// replace the models that did not converge with the last earlier converged ones, and sums each end's scores into
    /// its segments. Each fit depends only on the history, its end and the as-of fit, so up to
    /// <see cref="MaxParallelFits"/> neighbouring ends are fitted at once, each on one thread, and the same numbers come
    /// out in any case; the fits are then chosen in date order and let go, so that only that many ends' customers are
    /// held at a time. An end whose own models both stand (<see cref="ClvFallbackChooser.Standing(ClvModelFit)"/>, the usual case)
    /// is also scored and summed on its fit's thread, since the choice cannot depend on the ends before it: scoring costs
    /// about as much as fitting, and summed one end after another it left a processor idle. An end that falls back is
    /// scored once chosen. Either way each end's customers are added in the same order with the same numbers. The ends
    /// before the as-of date are scored straight into their totals, one customer at a time, without a score object per
    /// customer: only the as-of fit's scores are served per customer.
    /// </summary>
    private Dictionary<DateOnly, EndTotals> SumByEnd(
        PurchaseHistory history, DateOnly[] ends, DateOnly asOf, ClvFit asOfFit, SegmentSlots segments)
    {
        var options = new ClvOptions { HorizonMonths = settings.HorizonMonths, MonthlyDiscountRate = settings.MonthlyDiscountRate, Unit = asOfFit.Unit };
        var chooser = new ClvFallbackChooser(options);
        var result = new Dictionary<DateOnly, EndTotals>();
        var fits = new FittedEnd?[Math.Min(MaxParallelFits, ends.Length)];
        FittedEnd? Fit(DateOnly end)
        {
            if (end == asOf)
            {
                return null;
            }

            var fit = ClvFitter.FitModelsAt(history, end, settings, asOfFit.Unit, near: asOfFit);
            return new FittedEnd(fit, ClvFallbackChooser.Standing(fit) is { } own ? segments.Sum(fit, own, options) : null);
        }

        for (var from = 0; from < ends.Length; from += fits.Length)
        {
            var count = Math.Min(fits.Length, ends.Length - from);
            if (count == 1)
            {
                fits[0] = Fit(ends[from]);
            }
            else
            {
                try
                {
                    Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = count }, i => fits[i] = Fit(ends[from + i]));
                }
                catch (AggregateException e) when (e.InnerExceptions.Count == 1)
                {
                    ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
                }
            }

            for (var i = 0; i < count; i++)
            {
                if (fits[i] is { } fitted)
                {
                    var fit = fitted.Fit;
                    var choice = chooser.Next(fit);
                    var totals = fitted.Totals ?? segments.Sum(fit, choice, options);
                    result[fit.CalibrationEnd] = new EndTotals(choice.ModelWarning, choice.MoneyWarning, totals);
                    fits[i] = null;
                }
                else
                {
                    var usable = chooser.Next(asOfFit);
                    result[usable.CalibrationEnd] = new EndTotals(usable.ModelWarning, usable.MoneyWarning, segments.Sum(usable.Scores));
                }
            }
        }

        return result;
    }

    private static void AddRows(List<MetricValue> rows, Period period, EndTotals fit, bool partial)
    {
        foreach (var (segment, t) in fit.Segments)
        {
            var lowSample = segment != SegmentKeys.All && t.Customers < SegmentKeys.LowSampleThreshold;
            MetricValue Row(string metric, decimal? value, decimal? numerator, decimal? denominator)
            {
                var definition = MetricCatalog.Find(metric)!;
                var warning = metric is PredictedClvFamily.PAlive or PredictedClvFamily.ExpectedPurchases ? fit.ModelWarning : fit.MoneyWarning;
                return new MetricValue(metric, null, period, segment, Ratio.Round(value), Ratio.Round(numerator), Ratio.Round(denominator),
                    definition.Unit, definition.Version, partial, lowSample, warning);
            }

            var hasSpend = t.WithClv > 0;
            rows.Add(Row(PredictedClvFamily.ClvPredicted, hasSpend ? Ratio.Of(t.Clv, t.WithClv) : null, hasSpend ? t.Clv : null, t.WithClv));
            rows.Add(Row(PredictedClvFamily.ClvPredictedTotal, hasSpend ? t.Clv : null, hasSpend ? t.Clv : null, null));
            rows.Add(Row(PredictedClvFamily.PAlive, t.WithPAlive > 0 ? Ratio.Of(t.PAlive, t.WithPAlive) : null, t.WithPAlive > 0 ? t.PAlive : null, t.WithPAlive));
            rows.Add(Row(PredictedClvFamily.ExpectedPurchases, t.WithPurchases > 0 ? Ratio.Of(t.Purchases, t.WithPurchases) : null,
                t.WithPurchases > 0 ? t.Purchases : null, t.WithPurchases));
        }
    }

    /// <summary>A calibration end's fit and, when its own models stand, its per-segment totals already summed.</summary>
    private sealed record FittedEnd(ClvModelFit Fit, IReadOnlyList<(string Segment, SegmentTotals Totals)>? Totals);

    /// <summary>A calibration end's warnings (as <see cref="UsableClvFit"/>'s) and per-segment totals.</summary>
    private sealed record EndTotals(string? ModelWarning, string? MoneyWarning, IReadOnlyList<(string Segment, SegmentTotals Totals)> Segments);
}
