using System.Globalization;
using Centric.Domain.Activity;
using Centric.Domain.Families.Orders;

namespace Centric.Domain.Tests.Families.Orders;

/// <summary>Builds customer-days for the calculator: <c>.Purchase("c0", "2025-01-01", 10m)</c>.</summary>
internal sealed class OrdersBuilder
{
    private readonly Dictionary<string, int> _customers = [];
    private readonly List<CustomerDay> _days = [];
    private readonly Dictionary<int, List<string>> _segments = [];

    public OrdersBuilder Purchase(string customer, string day, decimal amount, int orders = 1)
    {
        _days.Add(new CustomerDay(Id(customer), Parse(day), orders, amount, 0m));
        return this;
    }

    public OrdersBuilder Credit(string customer, string day, decimal amount)
    {
        _days.Add(new CustomerDay(Id(customer), Parse(day), 0, 0m, amount));
        return this;
    }

    public OrdersBuilder InSegment(string customer, string segment)
    {
        var id = Id(customer);
        if (!_segments.TryGetValue(id, out var list))
        {
            _segments[id] = list = [];
        }

        list.Add(segment);
        return this;
    }

    public OrdersMetricsInput Build() => new(
        _customers.Count,
        _days,
        [.. Enumerable.Range(0, _customers.Count).Select(c => (IReadOnlyList<string>)(_segments.GetValueOrDefault(c) ?? []))]);

    public static DateOnly Parse(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);

    private int Id(string customer)
    {
        if (!_customers.TryGetValue(customer, out var id))
        {
            _customers[customer] = id = _customers.Count;
        }

        return id;
    }
}
