using Centric.Domain.Clv;
using Centric.Domain.Datasets;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Engine.Clv;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Compute;

/// <summary>
/// Computes every metric of a dataset from its curated files, for every grain, period and segment, plus per-customer
/// predictive CLV at the as-of date. The as-of date A is the latest event day in the data unless given;
/// <c>notBefore</c> keeps it from moving back (the service passes the published as-of date).
/// </summary>
public static class DatasetComputer
{
    public static IReadOnlyList<Grain> AllGrains { get; } = [Grain.Month, Grain.Quarter, Grain.Year];

    public static ComputeResult Compute(
        CuratedFiles files, DatasetSettings settings, DateOnly? asOf = null, IReadOnlyCollection<Grain>? grains = null, DateOnly? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(settings);
        grains ??= AllGrains;
        using var db = new DuckDbSession();
        var orders = OrdersLoader.Load(db, files, settings.ReportingCurrency);
        var warnings = new List<string>();
        if (orders.Unconverted > 0)
        {
            warnings.Add($"{orders.Unconverted} orders have a currency other than {settings.ReportingCurrency} and no fx-rates row on or before their date: they count as purchases but add nothing to revenue.");
        }

        var effectiveAsOf = asOf ?? (orders.LastDay is { } last && notBefore is { } floor && floor > last ? floor : orders.LastDay);
        if (effectiveAsOf is not { } day)
        {
            warnings.Add("There are no orders yet: nothing to compute.");
            return new ComputeResult(null, [], 0, 0, warnings, [], null, []);
        }

        var calendar = new PeriodCalendar(settings.FiscalYearStartMonth);
        var transactions = orders.Days
            .Where(d => d.IsPurchaseDay && d.Day <= day)
            .Select(d => new Transaction(orders.CustomerIds[d.Customer], d.Day, d.ValidAmount))
            .ToArray();
        var fit = ClvFitter.FitAt(transactions, day, settings.Clv);
        var tiers = ClvTiers.Assign(fit.Scores);
        warnings.AddRange(FitWarnings(fit));

        var attributes = CustomerSegmentsLoader.Load(db, files);
        var segments = orders.CustomerIds.ToDictionary(
            id => id,
            id => (IReadOnlyList<string>)[
                .. attributes.GetValueOrDefault(id) ?? [],
                .. tiers.TryGetValue(id, out var tier) ? [ClvTiers.Attribute + ":" + tier] : Array.Empty<string>()],
            StringComparer.Ordinal);

        var values = new List<MetricValue>(new OrdersMetricsCalculator(calendar, settings.InactivityDays).Compute(
            new OrdersMetricsInput(orders.CustomerIds.Count, orders.Days, [.. orders.CustomerIds.Select(id => segments[id])]), day, grains));
        values.AddRange(new PredictedClvMetrics(calendar, settings.Clv).Compute(transactions, segments, day, fit, grains));

        HoldoutReport? holdout = null;
        if (transactions.Length > 0 && ClvReports.HoldoutWindow(transactions.Min(t => t.Day), day) is var (calibrationEnd, holdoutEnd))
        {
            holdout = HoldoutCheck.Run(transactions, calibrationEnd, holdoutEnd, fit.Unit, fit.ModelKind);
        }

        return new ComputeResult(day, values, orders.CustomerIds.Count, orders.Orders, warnings, ClvReports.Rows(fit, tiers), ClvReports.Report(fit, holdout),
            CohortRetention.Compute(orders.Days, day));
    }

    private static IEnumerable<string> FitWarnings(ClvFit fit)
    {
        if (fit.Summaries.Count == 0)
        {
            yield break;
        }

        if (!fit.Status.Converged)
        {
            yield return $"Predictive CLV: the purchase model did not fit ({fit.Status.Outcome}): {fit.Status.Message}";
        }

        if (fit.SpendStatus is { Converged: false } spend)
        {
            yield return $"Predictive CLV: the spend model did not fit ({spend.Outcome}): {spend.Message}";
        }
    }
}
