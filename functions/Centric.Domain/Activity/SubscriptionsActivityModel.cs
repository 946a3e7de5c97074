using Centric.Domain.Families.Subscriptions;

namespace Centric.Domain.Activity;

/// <summary>
/// The subscriptions model of docs/metrics.md: a customer is active on day d when one of its subscriptions has
/// start_date ≤ d &lt; end_date (an open end never ends) and mrr &gt; 0. A subscription ending on or before its start
/// is never active. Subscriptions that overlap, or where one starts the day another ends (an upgrade, an add-on),
/// make one unbroken spell; the spell's end is the churn day, the first day nothing covers.
/// </summary>
public static class SubscriptionsActivityModel
{
    /// <summary>The end of a spell no subscription ends: later than any day of data.</summary>
    public static int OpenEnd { get; } = DateOnly.MaxValue.DayNumber;

    /// <summary>One customer's spells: the union of its active subscriptions' [start, end) intervals, ascending.</summary>
    /// <remarks>
    /// Built with one list and a sort in place rather than a LINQ filter, projection and ordering per customer: at a
    /// million subscriptions the orders family, which builds every customer's spells, allocated 120 MB less. The union
    /// does not depend on the order of intervals that start on the same day.
    /// </remarks>
    public static ActivitySpell[] Spells(IEnumerable<Subscription> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var intervals = new List<ActivitySpell>(subscriptions.TryGetNonEnumeratedCount(out var count) ? count : 4);
        foreach (var s in subscriptions)
        {
            if (s.Mrr > 0 && (s.End is not { } end || end > s.Start))
            {
                intervals.Add(new ActivitySpell(s.Start.DayNumber, s.End?.DayNumber ?? OpenEnd));
            }
        }

        if (intervals.Count == 0)
        {
            return [];
        }

        intervals.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var spells = new List<ActivitySpell>(2);
        var current = intervals[0];
        for (var i = 1; i < intervals.Count; i++)
        {
            var next = intervals[i];
            if (next.Start <= current.End)
            {
                current = current with { End = Math.Max(current.End, next.End) };
            }
            else
            {
                spells.Add(current);
                current = next;
            }
        }

        spells.Add(current);
        return [.. spells];
    }
}
