using Centric.Domain.Datasets;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Compute;

/// <summary>
/// Computes every metric of a dataset from its curated files, for every grain, period and segment.
/// The as-of date A is the latest event day in the data unless given.
/// </summary>
public static class DatasetComputer
{
    public static IReadOnlyList<Grain> AllGrains { get; } = [Grain.Month, Grain.Quarter, Grain.Year];

    public static ComputeResult Compute(CuratedFiles files, DatasetSettings settings, DateOnly? asOf = null, IReadOnlyCollection<Grain>? grains = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(settings);
        using var db = new DuckDbSession();
        var orders = OrdersLoader.Load(db, files, settings.ReportingCurrency);
        var warnings = new List<string>();
        if (orders.Unconverted > 0)
        {
            warnings.Add($"{orders.Unconverted} orders have a currency other than {settings.ReportingCurrency} and no fx-rates row on or before their date: they count as purchases but add nothing to revenue.");
        }

        var effectiveAsOf = asOf ?? orders.LastDay;
        if (effectiveAsOf is not { } day)
        {
            warnings.Add("There are no orders yet: nothing to compute.");
            return new ComputeResult(null, [], 0, 0, warnings, [], null);
        }

        var segments = CustomerSegmentsLoader.Load(db, files);
        var customerSegments = orders.CustomerIds
            .Select(id => segments.TryGetValue(id, out var keys) ? keys : [])
            .ToArray();
        var calculator = new OrdersMetricsCalculator(new PeriodCalendar(settings.FiscalYearStartMonth), settings.InactivityDays);
        var values = calculator.Compute(
            new OrdersMetricsInput(orders.CustomerIds.Count, orders.Days, customerSegments), day, grains ?? AllGrains);
        return new ComputeResult(day, values, orders.CustomerIds.Count, orders.Orders, warnings, [], null);
    }
}
