using Centric.Domain.Time;

using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Orders;

/// <summary>
/// The customer-base and revenue metrics (docs/metrics.md), for every period of the requested grains from the data's
/// first day to the as-of date A, and for every segment. Activity follows the orders model (purchase days and
/// inactivityDays), or the subscriptions model when the input carries subscription spells: one code path counts new,
/// reactivated and churned customers, the churn presets and retention for both. Days after A are ignored; the period
/// holding A is partial and its day averages run to A.
/// </summary>
public sealed class OrdersMetricsCalculator(PeriodCalendar calendar, int inactivityDays)
{
    /// <summary>The number of months before a period whose churn rate (start) clv-arpa averages.</summary>
    public const int ClvArpaMonths = 6;

    /// <summary>Every row of every grain's periods up to <paramref name="asOf"/>.</summary>
    /// <param name="input">The customer-days and each customer's segments.</param>
    /// <param name="asOf">The as-of date A.</param>
    /// <param name="grains">The grains to compute.</param>
    /// <param name="listed">
    /// Given, receives every customer behind new, reactivated, churned and active customers, from the same pass that
    /// counts them (for the <c>*</c> segment; a segment's list is the rows of its customers).
    /// </param>
    public IReadOnlyList<MetricValue> Compute(
        OrdersMetricsInput input, DateOnly asOf, IReadOnlyCollection<Grain> grains, Action<CountListEntry>? listed = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(grains);
        var histories = input.Spells is { } spells
            ? CustomerHistories.Build(input.Days, spells, asOf)
            : CustomerHistories.Build(input.Days, asOf, inactivityDays);
        if (histories.Count == 0)
        {
            return [];
        }

        var firstDay = histories.Min(h => h.FirstDay);
        var segments = new SegmentIndex(input.CustomerCount, input.CustomerSegments);
        var series = new DailySeries(histories, segments, firstDay, asOf.DayNumber);
        var unconverted = new UnconvertedSeries(input.Unconverted ?? [], segments, firstDay, asOf.DayNumber, input.ReportingCurrency);
        var months = new PeriodIndex(calendar, Grain.Month, DateOnly.FromDayNumber(firstDay), asOf);
        var periodsOf = grains.Distinct().ToDictionary(
            grain => grain, grain => grain == Grain.Month ? months : new PeriodIndex(calendar, grain, DateOnly.FromDayNumber(firstDay), asOf));

        // MRR is read on every period's last day (the as-of date for the partial period), so those days are summed together.
        var lastDays = periodsOf.Values.SelectMany(p => Enumerable.Range(0, p.Count).Select(i => Math.Min(p.End(i), asOf.DayNumber + 1) - 1));
        var mrr = input.Recurring is { } recurring ? new MrrOnDay(histories, recurring, segments, lastDays) : null;
        // The monthly tallies also serve clv-arpa's trailing churn; they list customers only when months are asked for.
        var monthTallies = new PeriodTallies(histories, segments, months, asOf.DayNumber, grains.Contains(Grain.Month) ? Sink(listed, months) : null);
        var shared = new Shared(series, unconverted, mrr, months, monthTallies, asOf.DayNumber, input.HasOrders);
        var rows = new List<MetricValue>();
        foreach (var grain in grains)
        {
            var periods = periodsOf[grain];
            var tallies = grain == Grain.Month ? monthTallies : new PeriodTallies(histories, segments, periods, asOf.DayNumber, Sink(listed, periods));
            var monthsInPeriod = grain switch { Grain.Quarter => 3m, Grain.Year => 12m, _ => 1m };
            for (var p = 0; p < periods.Count; p++)
            {
                for (var b = 0; b < segments.Count; b++)
                {
                    var context = new RowContext(periods, tallies, shared, p, b, segments.Keys[b], monthsInPeriod);
                    AddRows(rows, context);
                }
            }
        }

        return rows;
    }

    private static CountListed? Sink(Action<CountListEntry>? listed, PeriodIndex periods) => listed is null
        ? null
        : (metric, p, customer, day) => listed(new CountListEntry(metric, periods.Periods[p], customer, DateOnly.FromDayNumber(day)));

    private static void AddRows(List<MetricValue> rows, RowContext c)
    {
        var t = c.Tallies;
        int p = c.P, b = c.Bin;
        var startBase = c.Series.ActiveOn(b, c.Start - 1);
        var endBase = c.Series.ActiveOn(b, c.EffectiveEnd - 1);
        var meanActive = (decimal)c.Series.ActiveDaysIn(b, c.Start, c.EffectiveEnd) / (c.EffectiveEnd - c.Start);
        var revenue = c.Series.RevenueIn(b, c.Start, c.EffectiveEnd);
        var orders = (decimal)c.Series.OrdersIn(b, c.Start, c.EffectiveEnd);
        var buyers = (decimal)t.Buyers[p][b];
        var churned = (decimal)t.Churned[p][b];
        var newCustomers = (decimal)t.NewCustomers[p][b];

        rows.Add(c.Count(OrdersFamily.ActiveCustomers, endBase));
        rows.Add(c.Count(OrdersFamily.NewCustomers, newCustomers));
        rows.Add(c.Count(OrdersFamily.ReactivatedCustomers, t.Reactivated[p][b]));
        rows.Add(c.Count(OrdersFamily.ChurnedCustomers, churned));
        rows.Add(c.Divide(OrdersFamily.ChurnRate, ChurnPresets.Average, churned, meanActive, 100m));
        rows.Add(c.Divide(OrdersFamily.ChurnRate, ChurnPresets.Start, t.ChurnedFromStart[p][b], startBase, 100m));
        rows.Add(c.Divide(OrdersFamily.ChurnRate, ChurnPresets.StartPlusNew, churned, startBase + newCustomers, 100m));
        rows.Add(c.Divide(OrdersFamily.RetentionRate, null, t.Retained[p][b], startBase, 100m));
        var warning = c.Unconverted.WarningIn(b, c.Start, c.EffectiveEnd);
        if (c.Shared.HasOrders)
        {
            rows.Add(Unknown(c.Count(OrdersFamily.Revenue, revenue), warning));
            rows.Add(c.Count(OrdersFamily.Orders, orders));
            rows.Add(Unknown(c.Divide(OrdersFamily.Aov, null, revenue, orders), warning));
            rows.Add(c.Divide(OrdersFamily.PurchaseFrequency, null, orders, buyers));
        }

        var (arpa, exactArpa) = Arpa(c, revenue, meanActive, endBase, warning);
        rows.Add(arpa);
        if (c.Shared.HasOrders)
        {
            rows.Add(c.Divide(OrdersFamily.LoyaltyRate, null, t.RepeatBuyers[p][b], buyers, 100m));
            rows.Add(ClvSimple(c));
        }

        rows.Add(ClvArpa(c, exactArpa, arpa.Warning));
    }

    /// <summary>
    /// Subscriptions: MRR on e − 1 of the customers active then ÷ E. Orders model: revenue in P ÷ mean over P's days of
    /// active customers. Unknown (with the warning) when an amount behind it did not convert.
    /// </summary>
    private static (MetricValue Row, decimal? Exact) Arpa(RowContext c, decimal revenue, decimal meanActive, decimal endBase, string? revenueWarning)
    {
        if (c.Shared.Mrr is not { } mrr)
        {
            return (Unknown(c.Divide(OrdersFamily.Arpa, null, revenue, meanActive), revenueWarning), Ratio.Of(revenue, meanActive));
        }

        var (total, warning) = mrr.On(c.EffectiveEnd - 1, c.Bin);
        return (Unknown(c.Divide(OrdersFamily.Arpa, null, total, endBase), warning), Ratio.Of(total, endBase));
    }

    /// <summary>
    /// ARPA of P as a monthly figure ÷ the mean of the monthly churn rates (start preset, as fractions) of the six whole
    /// months before P. Null when any of those months has no customers at its start (or lies before the data), when the
    /// mean is 0, or when ARPA is unknown or undefined.
    /// </summary>
    private static MetricValue ClvArpa(RowContext c, decimal? arpa, string? arpaWarning)
    {
        var monthly = arpa;
        if (c.Shared.Mrr is null && arpa is { } perPeriod)
        {
            // Orders model: revenue ARPA of the whole period, per month (a partial period counts its days up to A).
            var fullDays = (decimal)(c.Periods.End(c.P) - c.Start);
            monthly = perPeriod / (c.MonthsInPeriod * (c.EffectiveEnd - c.Start) / fullDays);
        }

        var meanChurn = MeanMonthlyChurn(c);
        decimal? value = monthly is { } m && meanChurn is > 0m ? Ratio.Of(m, meanChurn.Value) : null;
        var row = c.Row(OrdersFamily.ClvArpa, null, value, monthly, meanChurn);
        return arpaWarning is { } warning ? row with { Value = null, Numerator = null, Warning = warning } : row;
    }

    private static decimal? MeanMonthlyChurn(RowContext c)
    {
        var months = c.Shared.Months;
        var last = months.IndexOf(c.Start - 1);
        var first = last - ClvArpaMonths + 1;
        if (first < 0)
        {
            return null;
        }

        var sum = 0m;
        for (var m = first; m <= last; m++)
        {
            var startBase = c.Series.ActiveOn(c.Bin, months.Start(m) - 1);
            if (startBase == 0)
            {
                return null;
            }

            sum += (decimal)c.Shared.MonthTallies.ChurnedFromStart[m][c.Bin] / startBase;
        }

        return sum / ClvArpaMonths;
    }

    /// <summary>A money row whose amounts did not all convert: no value and no revenue numerator, never a partial sum.</summary>
    private static MetricValue Unknown(MetricValue row, string? warning) =>
        warning is null ? row : row with { Value = null, Numerator = null, Warning = warning };

    /// <summary>
    /// AOV × (orders ÷ buyers) × 1 ÷ churn over the trailing 12 months ending with P, which reduces to
    /// (revenue ÷ buyers) ÷ (churned ÷ mean active). Days before the data's first day are outside the window.
    /// </summary>
    private static MetricValue ClvSimple(RowContext c)
    {
        var from = Math.Max(c.Periods.TrailingStarts[c.P], c.Periods.Start(0));
        var revenue = c.Series.RevenueIn(c.Bin, from, c.EffectiveEnd);
        var orders = c.Series.OrdersIn(c.Bin, from, c.EffectiveEnd);
        var buyers = c.Tallies.TrailingBuyers[c.P][c.Bin];
        var meanActive = (decimal)c.Series.ActiveDaysIn(c.Bin, from, c.EffectiveEnd) / (c.EffectiveEnd - from);
        var churnFraction = Ratio.Of(c.Tallies.TrailingChurned[c.P][c.Bin], meanActive);
        decimal? perCustomer = orders > 0 ? Ratio.Of(revenue, buyers) : null;
        decimal? value = perCustomer is { } v && churnFraction is > 0m ? Ratio.Of(v, churnFraction.Value) : null;
        return Unknown(c.Row(OrdersFamily.ClvSimple, null, value, perCustomer, churnFraction), c.Unconverted.WarningIn(c.Bin, from, c.EffectiveEnd));
    }

    /// <summary>What every row of one computation reads: daily series, the monthly churn tallies clv-arpa averages, MRR.</summary>
    private sealed record Shared(
        DailySeries Series, UnconvertedSeries Unconverted, MrrOnDay? Mrr, PeriodIndex Months, PeriodTallies MonthTallies, int AsOf, bool HasOrders);

    private readonly record struct RowContext(
        PeriodIndex Periods, PeriodTallies Tallies, Shared Shared, int P, int Bin, string Segment, decimal MonthsInPeriod)
    {
        public DailySeries Series => Shared.Series;

        public UnconvertedSeries Unconverted => Shared.Unconverted;

        public int AsOf => Shared.AsOf;

        public int Start => Periods.Start(P);

        /// <summary>e, or A + 1 for the partial period.</summary>
        public int EffectiveEnd => Math.Min(Periods.End(P), AsOf + 1);

        public MetricValue Count(string metric, decimal value) => Row(metric, null, value, value, null);

        public MetricValue Divide(string metric, string? preset, decimal numerator, decimal denominator, decimal scale = 1m) =>
            Row(metric, preset, Ratio.Of(numerator, denominator, scale), numerator, denominator);

        public MetricValue Row(string metric, string? preset, decimal? value, decimal? numerator, decimal? denominator)
        {
            var definition = MetricCatalog.Find(metric) ?? throw new InvalidOperationException($"Metric {metric} is not in the catalogue.");
            return new MetricValue(
                metric,
                preset,
                Periods.Periods[P],
                Segment,
                Ratio.Round(value),
                Ratio.Round(numerator),
                Ratio.Round(denominator),
                definition.Unit,
                definition.Version,
                Partial: Periods.End(P) - 1 > AsOf,
                LowSample: Bin != 0 && Tallies.Population[P][Bin] < Segments.SegmentKeys.LowSampleThreshold);
        }
    }
}
