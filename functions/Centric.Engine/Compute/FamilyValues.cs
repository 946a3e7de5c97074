using Centric.Domain.Metrics;

namespace Centric.Engine.Compute;

/// <summary>
/// The values one metric family added to a compute, handed over as soon as the family ends (before the next one runs),
/// so a caller can store them while the compute goes on.
/// </summary>
/// <param name="Family">The family's name, e.g. <c>orders</c>.</param>
/// <param name="AsOf">The compute's as-of date.</param>
/// <param name="ReportingCurrency">The reporting currency the compute's money is in.</param>
/// <param name="Values">The family's values, in the order they stand in <see cref="ComputeResult.Values"/>.</param>
public sealed record FamilyValues(string Family, DateOnly AsOf, string ReportingCurrency, IReadOnlyList<MetricValue> Values);
