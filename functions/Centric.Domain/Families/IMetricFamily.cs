using Centric.Domain.Exports;
using Centric.Domain.Metrics;

namespace Centric.Domain.Families;

/// <summary>
/// A family of metrics: the definitions it publishes (they make up the catalogue), the export kinds it reads, and how
/// it computes their values for every grain, period and segment from a dataset's loaded inputs. A family is computed
/// when the dataset holds any of the kinds it reads. Register a new family in <see cref="MetricFamilies"/>.
/// </summary>
public interface IMetricFamily
{
    /// <summary>A short kebab-case name (<c>orders</c>, <c>predicted-clv</c>), listed with each generation.</summary>
    string Name { get; }

    IReadOnlyList<MetricDefinition> Definitions { get; }

    /// <summary>The export kinds whose presence makes this family computable.</summary>
    IReadOnlyList<ExportKind> Reads { get; }

    /// <summary>
    /// True when every value is a sum over customer-keyed events (<see cref="EventMetrics"/> measures with a scale) and
    /// nothing else is output, so a fanned-out compute runs the family once per customer partition and merges the
    /// partial sums; false (the default) runs the family over the whole data in the merge step.
    /// </summary>
    bool SplitsByCustomer => false;

    /// <summary>
    /// Whether the family reads the orders' customer-days (<see cref="Activity.LoadedOrders.Days"/>). The families that
    /// do are computed first and the days let go after the last of them, so the later families compute without them in
    /// memory; a family that reads them without saying so fails.
    /// </summary>
    bool ReadsCustomerDays => false;

    /// <summary>
    /// Whether the family reads the CLV purchase history (<see cref="Metrics.ClvInputs.History"/>). The families that do
    /// are computed after those that read the customer-days and before the rest, and the history is let go after the
    /// last of them; a family that reads it without saying so fails.
    /// </summary>
    bool ReadsPurchaseHistory => false;

    void Compute(FamilyContext context, FamilyOutput output);
}
