namespace Centric.Domain.Families;

/// <summary>
/// The elapsed times to one timestamp (<see cref="ElapsedQuery.To"/>), in any order, as columns rather than one
/// object per time: a family that keeps a million of them holds 16 bytes each, and its customers once.
/// Each time is in ticks, not below zero (<see cref="Fulfilment.Durations.Ticks"/>), dated by the day it ended (that
/// timestamp's wall-clock day).
/// </summary>
public sealed class ElapsedTimes
{
    public ElapsedTimes(IReadOnlyList<string> customers, int[] customer, int[] day, long[] ticks)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(ticks);
        if (customer.Length != day.Length || day.Length != ticks.Length)
        {
            throw new ArgumentException("The customer, day and ticks columns differ in length.", nameof(ticks));
        }

        Customers = customers;
        Customer = customer;
        Day = day;
        Ticks = ticks;
    }

    /// <summary>The customers the times belong to, numbered: <see cref="Customer"/> holds their positions here.</summary>
    public IReadOnlyList<string> Customers { get; }

    /// <summary>Each time's customer, a position in <see cref="Customers"/>, or -1 for a row without one.</summary>
    public int[] Customer { get; }

    /// <summary>Each time's day (<see cref="DateOnly.DayNumber"/>), the day it ended.</summary>
    public int[] Day { get; }

    /// <summary>Each time in ticks, not below zero.</summary>
    public long[] Ticks { get; }

    public int Count => Ticks.Length;
}
