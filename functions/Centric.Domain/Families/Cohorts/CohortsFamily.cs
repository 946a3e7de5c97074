using Centric.Domain.Exports;
using Centric.Domain.Metrics;

namespace Centric.Domain.Families.Cohorts;

/// <summary>
/// Cohort retention: the matrix of customers by month of first purchase and months since, served on its own route
/// (<c>/cohorts</c>) rather than as snapshot rows.
/// </summary>
public sealed class CohortsFamily : IMetricFamily
{
    public const string Retention = "cohort-retention";

    public static IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        new(Retention, "Cohort retention", MetricUnit.Percent,
            "Cohort = month of a customer's first purchase day. For (cohort, k): customers of the cohort with a purchase day in month " +
            "cohort + k ÷ cohort size × 100. Every cell up to the month holding the as-of date is reported, zeros included; that month is partial. " +
            "Served by /api/datasets/{dataset}/cohorts.", 1, []),
    ];

    public string Name => "cohorts";

    public IReadOnlyList<MetricDefinition> Definitions => Metrics;

    public IReadOnlyList<ExportKind> Reads { get; } = [ExportKind.Orders];

    public void Compute(FamilyContext context, FamilyOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        output.Cohorts = CohortRetention.Compute(context.Orders.Days, context.AsOf);
    }
}
