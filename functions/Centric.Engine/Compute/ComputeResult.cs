using Centric.Domain.Exports;
using Centric.Domain.Families.Cohorts;
using Centric.Domain.Families.CustomerLists;
using Centric.Domain.Metrics;
using Centric.Engine.Clv;

namespace Centric.Engine.Compute;

/// <summary>
/// The outcome of computing a dataset: the as-of date used (null when there is nothing to compute), every metric
/// value, the cohort retention matrix, per-customer CLV scores at the as-of date with the fit they came from, warnings
/// a person should read (e.g. amounts that could not be converted), the export kinds the dataset holds and the metric
/// families computed from them, and the currency money is reported in (settings' reportingCurrency, else the data's
/// single currency, else EUR), and the customers behind each count and MRR movement.
/// </summary>
public sealed record ComputeResult(
    DateOnly? AsOf,
    IReadOnlyList<MetricValue> Values,
    int Customers,
    long Orders,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<CustomerScoreRow> Scores,
    ClvReport? Clv,
    IReadOnlyList<CohortCell> Cohorts,
    IReadOnlyList<ExportKind> Kinds,
    IReadOnlyList<string> Families,
    string ReportingCurrency,
    CustomerListSet CustomerLists);

/// <summary>
/// What one partition of a fanned-out compute produced: the as-of date (null when there was nothing to compute) and the
/// partial sums of the families that split by customer, for the merge.
/// </summary>
public sealed record PartitionResult(DateOnly? AsOf, IReadOnlyList<Centric.Domain.Families.Fanout.PartialValue> Partials);
