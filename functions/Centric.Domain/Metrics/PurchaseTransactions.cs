using System.Collections;
using Centric.Domain.Activity;
using Centric.Domain.Clv;

namespace Centric.Domain.Metrics;

/// <summary>
/// The purchase days of customer-days up to a date, read as CLV <see cref="Transaction"/>s: a row number per
/// transaction (4 bytes) over the columns the orders family reads too, rather than a 32-byte copy of each.
/// </summary>
internal sealed class PurchaseTransactions : IReadOnlyList<Transaction>
{
    private readonly CustomerDays _days;
    private readonly IReadOnlyList<string> _customerIds;
    private readonly int[] _rows;

    public PurchaseTransactions(CustomerDays days, IReadOnlyList<string> customerIds, DateOnly asOf)
    {
        (_days, _customerIds) = (days, customerIds);
        var cutoff = asOf.DayNumber;
        var count = 0;
        for (var r = 0; r < days.Count; r++)
        {
            count += IsPurchase(r, cutoff) ? 1 : 0;
        }

        _rows = new int[count];
        var i = 0;
        for (var r = 0; r < days.Count; r++)
        {
            if (IsPurchase(r, cutoff))
            {
                _rows[i++] = r;
            }
        }
    }

    public int Count => _rows.Length;

    public Transaction this[int index]
    {
        get
        {
            var r = _rows[index];
            return new Transaction(_customerIds[_days.CustomerAt(r)], DateOnly.FromDayNumber(_days.DayAt(r)), _days.ValidAmountAt(r));
        }
    }

    public IEnumerator<Transaction> GetEnumerator()
    {
        for (var i = 0; i < _rows.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool IsPurchase(int r, int cutoff) => _days.ValidOrdersAt(r) > 0 && _days.DayAt(r) <= cutoff;
}
