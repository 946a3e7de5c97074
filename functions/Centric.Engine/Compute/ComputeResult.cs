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
