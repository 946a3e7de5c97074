using Centric.Domain.Activity;
using Centric.Domain.Clv;
using Centric.Domain.Exports;
using Centric.Domain.Metrics;

namespace Centric.Domain.Families.PredictedClv;

/// <summary>
/// Predictive CLV: BG/NBD (or Pareto/NBD) and Gamma-Gamma fitted per period, with the mean and total predicted CLV,
/// P(alive) and expected purchases; publishes the as-of fit's per-customer scores and its holdout check.
/// </summary>
public sealed class PredictedClvFamily : IMetricFamily
{
    public const string ClvPredicted = "clv-predicted";
    public const string ClvPredictedTotal = "clv-predicted-total";
    public const string PAlive = "p-alive";
    public const string ExpectedPurchases = "expected-purchases";

    public static IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new(ClvPredicted, "Customer lifetime value (predicted)", MetricUnit.Currency,
            "Mean over customers with a purchase by e − 1 of the expected discounted value over clv.horizonMonths: BG/NBD (or Pareto/NBD) " +
            "for purchases and Gamma-Gamma for spend, fitted on the data up to e − 1 (the as-of date for the partial period), " +
            "discounted monthly at clv.monthlyDiscountRate. Numerator: total; denominator: customers scored.", 1, []),
        new(ClvPredictedTotal, "Customer lifetime value (predicted, total)", MetricUnit.Currency,
            "Sum over customers of the predicted discounted value over the horizon (see clv-predicted).", 1, []),
        new(PAlive, "Probability alive (mean)", MetricUnit.Ratio,
            "Mean over customers of the fitted model's probability that the customer is still active at e − 1.", 1, []),
        new(ExpectedPurchases, "Expected purchases (mean)", MetricUnit.Ratio,
            "Mean over customers of the purchases the fitted model expects over the horizon (undiscounted).", 1, []),
    ];

    public string Name => "predicted-clv";

    public IReadOnlyList<MetricDefinition> Definitions => Metrics;

    public bool ReadsPurchaseHistory => true;

    public IReadOnlyList<ExportKind> Reads { get; } = [ExportKind.Orders];

    public void Compute(FamilyContext context, FamilyOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (context.Clv is not { } clv)
        {
            return;
        }

        HoldoutReport? holdout = null;
        if (clv.FirstPurchase is { } first)
        {
            // The as-of fit's purchase history serves every period's fit and the holdout check.
            var history = clv.History;
            var values = new PredictedClvMetrics(context.Calendar, context.Settings.Clv)
                .Compute(history, first, context.Segments.ByCustomer, context.AsOf, clv.Fit, context.Grains);
            output.Add(WithoutUnconverted(values, context.Orders, context.AsOf));
            if (HoldoutCheck.Window(first, context.AsOf) is var (calibrationEnd, holdoutEnd))
            {
                // Started from the as-of fit, as the period ends are: the same optimum, within the fits' tolerance, in far
                // fewer evaluations.
                holdout = HoldoutCheck.Run(
                    history, calibrationEnd, holdoutEnd, clv.Fit.Unit, clv.Fit.ModelKind, ClvFitter.StartFrom(clv.Fit, clv.Fit.ModelKind));
            }
        }

        output.Clv = new ClvOutcome(clv.Fit, clv.Tiers, holdout);
    }

    /// <summary>
    /// The money values of a period whose fit read amounts that could not be converted are unknown, with the warning
    /// (the fit covers every customer, so every segment of the period carries it); P(alive) and expected purchases count
    /// purchases only and stand.
    /// </summary>
    private static IEnumerable<MetricValue> WithoutUnconverted(IReadOnlyList<MetricValue> values, LoadedOrders orders, DateOnly asOf)
    {
        if (orders.Unconverted.Count == 0)
        {
            return values;
        }

        var warnings = new Dictionary<DateOnly, string?>();
        return values.Select(v =>
        {
            if (v.Metric is not (ClvPredicted or ClvPredictedTotal))
            {
                return v;
            }

            var end = v.Period.LastDayBy(asOf);
            if (!warnings.TryGetValue(end, out var warning))
            {
                warnings[end] = warning = ConversionWarnings.For(orders.Unconverted.Where(u => u.Day <= end), orders.ReportingCurrency);
            }

            return warning is null ? v : v with { Value = null, Numerator = null, Warning = warning };
        });
    }
}
