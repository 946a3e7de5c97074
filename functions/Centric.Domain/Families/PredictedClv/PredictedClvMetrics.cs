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

    public IReadOnlyList<MetricValue> Compute(
        IReadOnlyList<Transaction> transactions,
        IReadOnlyDictionary<string, IReadOnlyList<string>> segmentsByCustomer,
        DateOnly asOf,
        ClvFit asOfFit,
        IReadOnlyCollection<Grain> grains)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(segmentsByCustomer);
        ArgumentNullException.ThrowIfNull(asOfFit);
        ArgumentNullException.ThrowIfNull(grains);
        if (transactions.Count == 0)
        {
            return [];
        }

        var first = transactions.Min(t => t.Day);
        var history = PurchaseHistory.From(transactions);
        var chosen = new List<(Period Period, DateOnly End, bool Partial)>();
        foreach (var grain in grains)
        {
            var periods = calendar.PeriodsBetween(grain, first, asOf);
            var keep = grain switch { Grain.Month => RecentMonths, Grain.Quarter => RecentQuarters, _ => periods.Count };
            foreach (var period in periods.Skip(Math.Max(0, periods.Count - keep)))
            {
                chosen.Add((period, period.LastDay < asOf ? period.LastDay : asOf, period.LastDay > asOf));
            }
        }

        var usable = UsableFits(history, [.. chosen.Select(c => c.End).Distinct()], asOf, asOfFit);
        var rows = new List<MetricValue>();
        foreach (var (period, end, partial) in chosen)
        {
            AddRows(rows, period, usable[end], segmentsByCustomer, partial);
        }

        return rows;
    }

    /// <summary>
    /// Fits every calibration end in date order, each started from the as-of fit, and lets <see cref="ClvFallback"/>
    /// replace the models that did not converge with the last earlier converged ones.
    /// </summary>
    private Dictionary<DateOnly, UsableClvFit> UsableFits(PurchaseHistory history, IReadOnlyList<DateOnly> ends, DateOnly asOf, ClvFit asOfFit)
    {
        var options = new ClvOptions { HorizonMonths = settings.HorizonMonths, MonthlyDiscountRate = settings.MonthlyDiscountRate, Unit = asOfFit.Unit };
        var fits = ends.Order()
            .Select(end => end == asOf ? asOfFit : ClvFitter.FitAt(history, end, settings, asOfFit.Unit, near: asOfFit))
            .ToList();
        return ClvFallback.Choose(fits, options).ToDictionary(u => u.CalibrationEnd);
    }

    private static void AddRows(
        List<MetricValue> rows, Period period, UsableClvFit fit, IReadOnlyDictionary<string, IReadOnlyList<string>> segmentsByCustomer, bool partial)
    {
        var totals = new Dictionary<string, Totals>(StringComparer.Ordinal) { [SegmentKeys.All] = new() };
        foreach (var score in fit.Scores)
        {
            totals[SegmentKeys.All].Add(score);
            if (segmentsByCustomer.TryGetValue(score.CustomerId, out var keys))
            {
                foreach (var key in keys)
                {
                    if (!totals.TryGetValue(key, out var segment))
                    {
                        totals[key] = segment = new Totals();
                    }

                    segment.Add(score);
                }
            }
        }

        foreach (var (segment, t) in totals)
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

    private sealed class Totals
    {
        public int Customers { get; private set; }

        public decimal Clv { get; private set; }

        public int WithClv { get; private set; }

        public decimal PAlive { get; private set; }

        public int WithPAlive { get; private set; }

        public decimal Purchases { get; private set; }

        public int WithPurchases { get; private set; }

        public void Add(CustomerScore score)
        {
            Customers++;
            if (score.Clv is { } clv)
            {
                Clv += clv;
                WithClv++;
            }

            if (score.PAlive is { } alive)
            {
                PAlive += (decimal)alive;
                WithPAlive++;
            }

            if (score.ExpectedPurchases is { } purchases)
            {
                Purchases += (decimal)purchases;
                WithPurchases++;
            }
        }
    }
}
