using Centric.Domain.Activity;

namespace Centric.Domain.Clv;

/// <summary>
/// Every customer's purchase days (orders of a day merged, spend summed) in day order, built once from a transaction
/// log so that summaries at many calibration ends (one per period) cost a binary search per customer instead of a
/// pass over the whole log. The summaries are exactly <see cref="RfmSummarizer"/>'s rules.
/// </summary>
public sealed class PurchaseHistory
{
    private readonly string[] _customers;
    private readonly int[] _offsets;
    private readonly int[] _days;
    /// <summary>Each purchase day's spend, 8 bytes a day where it fits (<see cref="AmountColumn"/>): 16 as decimals.</summary>
    private readonly AmountColumn _spend;

    private PurchaseHistory(string[] customers, int[] offsets, int[] days, AmountColumn spend)
    {
        (_customers, _offsets, _days, _spend) = (customers, offsets, days, spend);
    }

    /// <summary>Customers with at least one purchase.</summary>
    public int Customers => _customers.Length;

    /// <summary>Purchase days of all customers together: the rows this history holds.</summary>
    public int PurchaseDays => _days.Length;

    /// <summary>Groups the transactions by customer (ordinal id order) and day; credits and missing ids are ignored.</summary>
    /// <remarks>
    /// A day's spend is the sum of its orders in the order they come, starting from zero: one pass numbers the
    /// customers, a counting sort groups their transactions, and a sort of each customer's (day, position) keys
    /// orders them by day keeping the input order within a day.
    /// </remarks>
    public static PurchaseHistory From(IEnumerable<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var capacity = transactions.TryGetNonEnumeratedCount(out var count) ? count : 0;
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var owner = new List<int>(capacity);
        var dayOf = new List<int>(capacity);
        var amountOf = new List<decimal>(capacity);
        foreach (var transaction in transactions)
        {
            if (transaction.Amount < 0 || transaction.CustomerId is null)
            {
                continue;
            }

            if (!numbers.TryGetValue(transaction.CustomerId, out var number))
            {
                number = ids.Count;
                numbers.Add(transaction.CustomerId, number);
                ids.Add(transaction.CustomerId);
            }

            owner.Add(number);
            dayOf.Add(transaction.Day.DayNumber);
            amountOf.Add(transaction.Amount);
        }

        var customers = ids.Order(StringComparer.Ordinal).ToArray();
        var rank = new int[customers.Length];
        for (var c = 0; c < customers.Length; c++)
        {
            rank[numbers[customers[c]]] = c;
        }

        // Positions of the transactions grouped by customer rank, each customer's in input order.
        var starts = new int[customers.Length + 1];
        foreach (var number in owner)
        {
            starts[rank[number] + 1]++;
        }

        for (var c = 0; c < customers.Length; c++)
        {
            starts[c + 1] += starts[c];
        }

        var keys = new long[owner.Count];
        var fill = starts[..^1];
        for (var i = 0; i < owner.Count; i++)
        {
            keys[fill[rank[owner[i]]]++] = ((long)dayOf[i] << 32) | (uint)i;
        }

        var offsets = new int[customers.Length + 1];
        var days = new List<int>(owner.Count);
        var amounts = new AmountColumn();
        for (var c = 0; c < customers.Length; c++)
        {
            offsets[c] = days.Count;
            var own = keys.AsSpan(starts[c], starts[c + 1] - starts[c]);
            own.Sort();
            for (var k = 0; k < own.Length; k++)
            {
                // A day's spend is its orders' sum in input order, from zero: summed before it is added to the column.
                var day = (int)(own[k] >> 32);
                var spend = 0m + amountOf[(int)(uint)own[k]];
                while (k + 1 < own.Length && (int)(own[k + 1] >> 32) == day)
                {
                    spend += amountOf[(int)(uint)own[++k]];
                }

                days.Add(day);
                amounts.Add(spend);
            }
        }

        offsets[customers.Length] = days.Count;
        amounts.Trim();
        return new PurchaseHistory(customers, offsets, [.. days], amounts);
    }

    /// <summary>
    /// The history of the purchase days of <paramref name="days"/> up to <paramref name="asOf"/>, read straight from the
    /// columns when they are in (customer, day) order and the customer numbers follow the ids' ordinal order (as the
    /// loader gives them), else through <see cref="From(IEnumerable{Transaction})"/>: the same history either way, without
    /// a second copy of every purchase on the way.
    /// </summary>
    public static PurchaseHistory From(CustomerDays days, IReadOnlyList<string> customerIds, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(customerIds);
        var cutoff = asOf.DayNumber;
        if (!days.IsOrdered || !InOrdinalOrder(customerIds))
        {
            return From(Enumerable.Range(0, days.Count)
                .Where(r => days.ValidOrdersAt(r) > 0 && days.DayAt(r) <= cutoff)
                .Select(r => new Transaction(customerIds[days.CustomerAt(r)], DateOnly.FromDayNumber(days.DayAt(r)), days.ValidAmountAt(r))));
        }

        bool Counts(int r) => days.ValidOrdersAt(r) > 0 && days.DayAt(r) <= cutoff && days.ValidAmountAt(r) >= 0;
        int purchases = 0, customers = 0, counted = -1;
        for (var r = 0; r < days.Count; r++)
        {
            if (Counts(r))
            {
                customers += days.CustomerAt(r) != counted ? 1 : 0;
                counted = days.CustomerAt(r);
                purchases++;
            }
        }

        var ids = new string[customers];
        var offsets = new int[customers + 1];
        var dayArray = new int[purchases];
        var spend = new AmountColumn(purchases);
        var (c, i, previous) = (-1, 0, -1);
        for (var r = 0; r < days.Count; r++)
        {
            if (!Counts(r))
            {
                continue;
            }

            if (days.CustomerAt(r) != previous)
            {
                previous = days.CustomerAt(r);
                ids[++c] = customerIds[previous];
                offsets[c] = i;
            }

            dayArray[i++] = days.DayAt(r);
            spend.Add(0m + days.ValidAmountAt(r));
        }

        offsets[customers] = purchases;
        return new PurchaseHistory(ids, offsets, dayArray, spend);
    }

    private static bool InOrdinalOrder(IReadOnlyList<string> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] is null || (i > 0 && string.CompareOrdinal(ids[i - 1], ids[i]) >= 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// For each customer <see cref="Summarize(DateOnly, TimeUnit)"/> gives at <paramref name="calibrationEnd"/> (same order), the purchase
    /// days after it up to <paramref name="through"/> (inclusive): the holdout purchases of a calibration/holdout check.
    /// </summary>
    public int[] PurchaseDaysAfter(DateOnly calibrationEnd, DateOnly through)
    {
        var (end, last) = (calibrationEnd.DayNumber, through.DayNumber);
        var counts = new List<int>(_customers.Length);
        for (var c = 0; c < _customers.Length; c++)
        {
            var start = _offsets[c];
            var days = _days.AsSpan(start, _offsets[c + 1] - start);
            if (days.Length == 0 || days[0] > end)
            {
                continue;
            }

            var found = days.BinarySearch(end);
            var after = found >= 0 ? found + 1 : ~found;
            var upTo = days.BinarySearch(last);
            var included = upTo >= 0 ? upTo + 1 : ~upTo;
            counts.Add(Math.Max(0, included - after));
        }

        return [.. counts];
    }

    /// <summary>The customers' ids, in the (ordinal) order of their numbers.</summary>
    internal IReadOnlyList<string> CustomerIds => _customers;

    /// <summary>Summarises every customer with a purchase on or before <paramref name="calibrationEnd"/>, ordered by id (ordinal).</summary>
    public IReadOnlyList<CustomerSummary> Summarize(DateOnly calibrationEnd, TimeUnit unit = TimeUnit.Week) =>
        Summarize(calibrationEnd, unit, null);

    /// <summary>
    /// As <see cref="Summarize(DateOnly, TimeUnit)"/>, with each summary's customer number (its position in
    /// <see cref="CustomerIds"/>) added to <paramref name="numbers"/>, so that a caller can find the customer's
    /// attributes by number instead of by id.
    /// </summary>
    internal IReadOnlyList<CustomerSummary> Summarize(DateOnly calibrationEnd, TimeUnit unit, List<int>? numbers)
    {
        var end = calibrationEnd.DayNumber;
        var summaries = new List<CustomerSummary>(_customers.Length);
        for (var c = 0; c < _customers.Length; c++)
        {
            var start = _offsets[c];
            var days = _days.AsSpan(start, _offsets[c + 1] - start);
            var found = days.BinarySearch(end);
            var count = found >= 0 ? found + 1 : ~found;
            if (count == 0)
            {
                continue;
            }

            decimal repeatSpend = 0;
            for (var i = 1; i < count; i++)
            {
                repeatSpend += _spend[start + i];
            }

            var frequency = count - 1;
            numbers?.Add(c);
            summaries.Add(new CustomerSummary(
                _customers[c],
                frequency,
                TimeUnits.FromDays(days[count - 1] - days[0], unit),
                TimeUnits.FromDays(end - days[0], unit),
                frequency == 0 ? 0m : repeatSpend / frequency));
        }

        return summaries;
    }
}
