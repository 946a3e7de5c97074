using Centric.Domain.Exports;
using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Cohorts;

/// <summary>
/// Cohort retention: the matrix of customers by month of first purchase (or first subscription) and months since, served on its own route
/// (<c>/cohorts</c>) rather than as snapshot rows.
/// </summary>
public sealed class CohortsFamily : IMetricFamily
{
    public const string Retention = "cohort-retention";

    public static IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new(Retention, "Cohort retention", MetricUnit.Percent,
            "Cohort = month of a customer's first active day: first subscription start with mrr > 0 (subscriptions model, a dataset with a " +
            "subscriptions export) or first purchase day (orders model). For (cohort, k): customers of the cohort active on some day of month " +
            "cohort + k (subscriptions model) or with a purchase day in it (orders model) ÷ cohort size × 100. Every cell up to the month holding " +
            "the as-of date is reported, zeros included; that month is partial. Served by /api/datasets/{dataset}/cohorts.", 2, []),
    ];

    public string Name => "cohorts";

    public IReadOnlyList<MetricDefinition> Definitions => Metrics;

    public bool ReadsCustomerDays => true;

    public IReadOnlyList<ExportKind> Reads { get; } = [ExportKind.Orders, ExportKind.Subscriptions];

    public void Compute(FamilyContext context, FamilyOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        output.Cohorts = context.Subscriptions is { } subscriptions
            ? CohortRetention.Compute(subscriptions.Spells, context.AsOf)
            : CohortRetention.Compute(context.Orders.Days, context.AsOf);
    }
}
