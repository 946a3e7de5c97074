using System.Collections;
using Centric.Domain.Activity;

namespace Centric.Domain.Families.Orders;

/// <summary>
/// Every customer's history (<see cref="CustomerHistory"/>) as columns: per customer its number, its range of the
/// ordered customer-days and its ranges of one array of purchase days and one of spells. At 3M orders the histories as
/// objects, each with its own copy of its days as 48-byte rows, were most of what the orders family held.
/// </summary>
internal sealed class CustomerHistories : IReadOnlyList<CustomerHistory>
{
    private readonly List<int> _customers = [];
    private readonly List<int> _firstRows = [];
    private readonly List<int> _endRows = [];
    private readonly List<int> _purchaseStarts = [0];
    private readonly List<int> _spellStarts = [0];
    private readonly List<int> _purchaseDays = [];
    private readonly List<ActivitySpell> _spells = [];
    private int[] _purchaseArray = [];
    private ActivitySpell[] _spellArray = [];

    private CustomerHistories(CustomerDays days) => Days = days;

    /// <summary>The customer-days in (customer, day) order, one row per customer and date.</summary>
    public CustomerDays Days { get; }

    public int Count => _customers.Count;

    public CustomerHistory this[int index] => new(this, index);

    /// <summary>
    /// Histories of the subscriptions model: activity from <paramref name="spells"/> (per customer number), purchase days
    /// and day totals from orders. Spells starting after the as-of date are unknown yet and left out.
    /// </summary>
    public static CustomerHistories Build(IReadOnlyList<CustomerDay> days, IReadOnlyList<ActivitySpell[]> spells, DateOnly asOf)
    {
        var cutoff = asOf.DayNumber;
        var ordered = CustomerDays.Ordered(days);
        var histories = new CustomerHistories(ordered);
        var row = 0;
        for (var c = 0; c < spells.Count; c++)
        {
            var (first, end) = Range(ordered, ref row, c, cutoff);
            var known = spells[c].Where(s => s.Start <= cutoff).ToArray();
            if (end == first && known.Length == 0)
            {
                continue;
            }

            histories.Add(c, first, end, known);
        }

        return histories.Complete();
    }

    /// <summary>Histories of the orders model: activity from purchase days and <paramref name="inactivityDays"/>.</summary>
    public static CustomerHistories Build(IReadOnlyList<CustomerDay> days, DateOnly asOf, int inactivityDays)
    {
        var cutoff = asOf.DayNumber;
        var ordered = CustomerDays.Ordered(days);
        var histories = new CustomerHistories(ordered);
        var row = 0;
        while (row < ordered.Count)
        {
            var customer = ordered.CustomerAt(row);
            var (first, end) = Range(ordered, ref row, customer, cutoff);
            if (end > first)
            {
                histories.Add(customer, first, end, null, inactivityDays);
            }
        }

        return histories.Complete();
    }

    public int CustomerOf(int index) => _customers[index];

    public int FirstRowOf(int index) => _firstRows[index];

    public int EndRowOf(int index) => _endRows[index];

    public ReadOnlySpan<int> PurchaseDaysOf(int index) =>
        _purchaseArray.AsSpan(_purchaseStarts[index], _purchaseStarts[index + 1] - _purchaseStarts[index]);

    public ReadOnlySpan<ActivitySpell> SpellsOf(int index) =>
        _spellArray.AsSpan(_spellStarts[index], _spellStarts[index + 1] - _spellStarts[index]);

    public IEnumerator<CustomerHistory> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The rows of <paramref name="customer"/> up to <paramref name="cutoff"/>, moving <paramref name="row"/> past every
    /// row of that customer and of the customers before it.
    /// </summary>
    private static (int First, int End) Range(CustomerDays days, ref int row, int customer, int cutoff)
    {
        while (row < days.Count && days.CustomerAt(row) < customer)
        {
            row++;
        }

        var first = row;
        while (row < days.Count && days.CustomerAt(row) == customer && days.DayAt(row) <= cutoff)
        {
            row++;
        }

        var end = row;
        while (row < days.Count && days.CustomerAt(row) == customer)
        {
            row++;
        }

        return (first, end);
    }

    private void Add(int customer, int first, int end, ActivitySpell[]? spells, int inactivityDays = 0)
    {
        var purchasesFrom = _purchaseDays.Count;
        for (var r = first; r < end; r++)
        {
            if (Days.ValidOrdersAt(r) > 0)
            {
                _purchaseDays.Add(Days.DayAt(r));
            }
        }

        spells ??= OrdersActivityModel.Spells(
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_purchaseDays)[purchasesFrom..], inactivityDays);
        _customers.Add(customer);
        _firstRows.Add(first);
        _endRows.Add(end);
        _spells.AddRange(spells);
        _purchaseStarts.Add(_purchaseDays.Count);
        _spellStarts.Add(_spells.Count);
    }

    private CustomerHistories Complete()
    {
        _purchaseArray = [.. _purchaseDays];
        _spellArray = [.. _spells];
        _purchaseDays.Clear();
        _purchaseDays.TrimExcess();
        _spells.Clear();
        _spells.TrimExcess();
        return this;
    }
}
