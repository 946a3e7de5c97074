namespace Centric.Domain.Activity;

/// <summary>
/// The orders model of docs/metrics.md: a customer is active on day d if it has a purchase day q with q ≤ d &lt; q + W.
/// It churns on q + W for every purchase day q with no purchase day in (q, q + W]; a purchase exactly on q + W
/// keeps it active without a break.
/// </summary>
public static class OrdersActivityModel
{
    /// <summary>
    /// The spells of one customer from its purchase days (ascending, distinct <see cref="DateOnly.DayNumber"/>s).
    /// </summary>
    public static ActivitySpell[] Spells(ReadOnlySpan<int> purchaseDays, int inactivityDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inactivityDays, 1);
        if (purchaseDays.IsEmpty)
        {
            return [];
        }

        var spells = new List<ActivitySpell>(2);
        var start = purchaseDays[0];
        var lastPurchase = purchaseDays[0];
        for (var i = 1; i < purchaseDays.Length; i++)
        {
            var day = purchaseDays[i];
            if (day <= lastPurchase)
            {
                throw new ArgumentException("Purchase days must be ascending and distinct.", nameof(purchaseDays));
            }

            if (day > lastPurchase + inactivityDays)
            {
                spells.Add(new ActivitySpell(start, lastPurchase + inactivityDays));
                start = day;
            }

            lastPurchase = day;
        }

        spells.Add(new ActivitySpell(start, lastPurchase + inactivityDays));
        return [.. spells];
    }
}
