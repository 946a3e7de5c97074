using Centric.Domain.Time;

namespace Centric.Domain.Families.Orders;

/// <summary>
/// One customer (numbered as in <see cref="OrdersMetricsInput"/>) counted in <see cref="Metric"/> for
/// <see cref="Period"/>, and the day that counted it.
/// </summary>
public readonly record struct CountListEntry(string Metric, Period Period, int Customer, DateOnly Day);
