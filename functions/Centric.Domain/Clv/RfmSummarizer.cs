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
    /// <remarks>For summaries at several calibration ends, build one <see cref="PurchaseHistory"/> and summarise it at each.</remarks>
    public static IReadOnlyList<CustomerSummary> Summarize(
        IEnumerable<Transaction> transactions,
        DateOnly calibrationEnd,
        TimeUnit unit = TimeUnit.Week)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        return PurchaseHistory.From(transactions.Where(t => t.Day <= calibrationEnd)).Summarize(calibrationEnd, unit);
    }
}
