using System.Collections;

namespace Centric.Domain.Activity;

/// <summary>
/// Customer-days held as columns (a customer, a day number and a count as ints; the two amounts as integers of their
/// scale where exact, <see cref="AmountColumn"/>) rather than as 48-byte rows: at 10M orders the rows alone were about
/// half a gigabyte. Read as <see cref="CustomerDay"/>s, each made when read. <see cref="IsOrdered"/> says the days are in
/// (customer, day) order with no customer-day twice, which the loader gives, so the families read each customer's days
/// as one range instead of grouping and sorting a copy.
/// </summary>
public sealed class CustomerDays : IReadOnlyList<CustomerDay>
{
    private int[] _customers = [];
    private int[] _days = [];
    private int[] _validOrders = [];
    private readonly AmountColumn _validAmounts = new();
    private readonly AmountColumn _credits = new();

    /// <summary>Columns of <paramref name="days"/>, in their order.</summary>
    public CustomerDays(IEnumerable<CustomerDay> days)
        : this()
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (var day in days)
        {
            Add(day.Customer, day.Day, day.ValidOrders, day.ValidAmount, day.Credits);
        }

        Complete();
    }

    private CustomerDays()
    {
    }

    public int Count { get; private set; }

    /// <summary>True when every day follows the one before in (customer, day) order, none repeated.</summary>
    public bool IsOrdered { get; private set; } = true;

    public CustomerDay this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return new CustomerDay(_customers[index], DateOnly.FromDayNumber(_days[index]), _validOrders[index], _validAmounts[index], _credits[index]);
        }
    }

    /// <summary>Starts an empty set of columns to <see cref="Add"/> to and <see cref="Complete"/>.</summary>
    public static CustomerDays Empty() => new();

    public int CustomerAt(int index) => _customers[index];

    public int DayAt(int index) => _days[index];

    public int ValidOrdersAt(int index) => _validOrders[index];

    public decimal ValidAmountAt(int index) => _validAmounts[index];

    public decimal CreditsAt(int index) => _credits[index];

    public void Add(int customer, DateOnly day, int validOrders, decimal validAmount, decimal credits)
    {
        if (Count == _customers.Length)
        {
            var capacity = Math.Max(1024, Count + (Count / 2));
            Array.Resize(ref _customers, capacity);
            Array.Resize(ref _days, capacity);
            Array.Resize(ref _validOrders, capacity);
        }

        var dayNumber = day.DayNumber;
        if (Count > 0 && (customer < _customers[Count - 1] || (customer == _customers[Count - 1] && dayNumber <= _days[Count - 1])))
        {
            IsOrdered = false;
        }

        _customers[Count] = customer;
        _days[Count] = dayNumber;
        _validOrders[Count] = validOrders;
        _validAmounts.Add(validAmount);
        _credits.Add(credits);
        Count++;
    }

    /// <summary>Drops the spare capacity once the last day is added.</summary>
    public CustomerDays Complete()
    {
        Array.Resize(ref _customers, Count);
        Array.Resize(ref _days, Count);
        Array.Resize(ref _validOrders, Count);
        _validAmounts.Trim();
        _credits.Trim();
        return this;
    }

    /// <summary>
    /// These days in (customer, day) order with a customer's days of the same date merged (orders and amounts summed in
    /// the order they come): themselves when already so.
    /// </summary>
    public static CustomerDays Ordered(IReadOnlyList<CustomerDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days is CustomerDays { IsOrdered: true } ordered)
        {
            return ordered;
        }

        var keys = new long[days.Count];
        var order = new int[days.Count];
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            keys[i] = ((long)day.Customer << 32) | (uint)day.Day.DayNumber;
            order[i] = i;
        }

        // A stable sort: days of the same customer and date keep the order they came in.
        Array.Sort(keys, order);
        var merged = new CustomerDays();
        var start = 0;
        while (start < keys.Length)
        {
            var end = start;
            while (end < keys.Length && (keys[end] == keys[start]))
            {
                end++;
            }

            Array.Sort(order, start, end - start);
            var first = days[order[start]];
            var (validOrders, validAmount, credits) = (first.ValidOrders, first.ValidAmount, first.Credits);
            for (var k = start + 1; k < end; k++)
            {
                var day = days[order[k]];
                validOrders += day.ValidOrders;
                validAmount += day.ValidAmount;
                credits += day.Credits;
            }

            merged.Add(first.Customer, first.Day, validOrders, validAmount, credits);
            start = end;
        }

        return merged.Complete();
    }

    public IEnumerator<CustomerDay> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
