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
    private readonly decimal[] _spend;

    private PurchaseHistory(string[] customers, int[] offsets, int[] days, decimal[] spend)
    {
        (_customers, _offsets, _days, _spend) = (customers, offsets, days, spend);
    }

    /// <summary>Customers with at least one purchase.</summary>
    public int Customers => _customers.Length;

    /// <summary>Groups the transactions by customer (ordinal id order) and day; credits and missing ids are ignored.</summary>
    public static PurchaseHistory From(IEnumerable<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var byCustomer = new Dictionary<string, Dictionary<DateOnly, decimal>>(StringComparer.Ordinal);
        var total = 0;
        foreach (var transaction in transactions)
        {
            if (transaction.Amount < 0 || transaction.CustomerId is null)
            {
                continue;
            }

            if (!byCustomer.TryGetValue(transaction.CustomerId, out var perDay))
            {
                perDay = [];
                byCustomer.Add(transaction.CustomerId, perDay);
            }

            if (perDay.TryGetValue(transaction.Day, out var spend))
            {
                perDay[transaction.Day] = spend + transaction.Amount;
            }
            else
            {
                perDay[transaction.Day] = 0m + transaction.Amount;
                total++;
            }
        }

        var customers = byCustomer.Keys.Order(StringComparer.Ordinal).ToArray();
        var offsets = new int[customers.Length + 1];
        var days = new int[total];
        var amounts = new decimal[total];
        var next = 0;
        for (var c = 0; c < customers.Length; c++)
        {
            offsets[c] = next;
            foreach (var (day, spend) in byCustomer[customers[c]].OrderBy(pair => pair.Key))
            {
                days[next] = day.DayNumber;
                amounts[next] = spend;
                next++;
            }
        }

        offsets[customers.Length] = next;
        return new PurchaseHistory(customers, offsets, days, amounts);
    }

    /// <summary>Summarises every customer with a purchase on or before <paramref name="calibrationEnd"/>, ordered by id (ordinal).</summary>
    public IReadOnlyList<CustomerSummary> Summarize(DateOnly calibrationEnd, TimeUnit unit = TimeUnit.Week)
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
