using System.Collections;

namespace Centric.Domain.Activity;

/// <summary>
/// Rows let go once nothing left to compute reads them (<see cref="LoadedOrders.WithoutDays"/>): any read of them is an
/// error naming <paramref name="what"/>, never an empty list a family would silently count as no activity.
/// </summary>
public sealed class ReleasedRows<T>(string what) : IReadOnlyList<T>
{
    public T this[int index] => throw Released();

    public int Count => throw Released();

    public IEnumerator<T> GetEnumerator() => throw Released();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private InvalidOperationException Released() => new(
        $"The {what} were let go after the last metric family that declares it reads them (IMetricFamily.ReadsCustomerDays).");
}
