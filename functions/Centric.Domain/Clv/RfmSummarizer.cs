namespace Centric.Domain.Clv;

/// <summary>
/// Builds per-customer RFM summaries from a transaction log, the input of BG/NBD, Pareto/NBD and Gamma-Gamma.
/// </summary>
/// <remarks>
/// Orders of the same day are merged (spend summed) into one purchase day. Transactions after the calibration
/// end are ignored; the calibration end itself counts. Negative amounts are credits, not purchases, and are
/// ignored. With these rules the CDNOW 1/10 sample reproduces the published summary (Fader, Hardie &amp; Lee 2005).
/// </remarks>
public static class RfmSummarizer
{
    /// <summary>Summarises every customer with a purchase on or before <paramref name="calibrationEnd"/>.</summary>
    /// <returns>One summary per customer, ordered by customer id (ordinal).</returns>
    public static IReadOnlyList<CustomerSummary> Summarize(
        IEnumerable<Transaction> transactions,
        DateOnly calibrationEnd,
        TimeUnit unit = TimeUnit.Week)
    {
        ArgumentNullException.ThrowIfNull(transactions);

        var days = new Dictionary<string, SortedDictionary<DateOnly, decimal>>(StringComparer.Ordinal);
        foreach (var transaction in transactions)
        {
            if (transaction.Day > calibrationEnd || transaction.Amount < 0 || transaction.CustomerId is null)
            {
                continue;
            }

            if (!days.TryGetValue(transaction.CustomerId, out var perDay))
            {
                perDay = [];
                days.Add(transaction.CustomerId, perDay);
            }

            perDay[transaction.Day] = perDay.GetValueOrDefault(transaction.Day) + transaction.Amount;
        }

        var summaries = new List<CustomerSummary>(days.Count);
        foreach (var (customerId, perDay) in days.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            summaries.Add(Summarize(customerId, perDay, calibrationEnd, unit));
        }

        return summaries;
    }

    private static CustomerSummary Summarize(
        string customerId, SortedDictionary<DateOnly, decimal> perDay, DateOnly calibrationEnd, TimeUnit unit)
    {
        DateOnly first = default, last = default;
        decimal repeatSpend = 0;
        var index = 0;
        foreach (var (day, spend) in perDay)
        {
            if (index == 0)
            {
                first = day;
            }
            else
            {
                repeatSpend += spend;
            }

            last = day;
            index++;
        }

        var frequency = perDay.Count - 1;
        return new CustomerSummary(
            customerId,
            frequency,
            TimeUnits.FromDays(last.DayNumber - first.DayNumber, unit),
            TimeUnits.FromDays(calibrationEnd.DayNumber - first.DayNumber, unit),
            frequency == 0 ? 0m : repeatSpend / frequency);
    }
}
