namespace Centric.Domain.Families.Fulfilment;

/// <summary>
/// Exact elapsed time between two instants (order to shipping, onboarding start to completion), whatever their
/// offsets: a change of daylight-saving time in between is not an hour gained or lost. Ingestion rejects a later
/// instant before an earlier one; what is left below zero is a date without a time (midnight) on the same day as a
/// timestamp, such as an order placed at 15:00 and shipped "that day": it counts as no time at all.
/// </summary>
public static class Durations
{
    /// <summary>
    /// The elapsed ticks from <paramref name="from"/> to <paramref name="to"/>, 0 when below zero. Times are kept in ticks and
    /// summed as whole numbers, then divided once into hours or days, so a sum does not depend on the order it is taken in.
    /// </summary>
    public static long Ticks(EventTime from, EventTime to) => Math.Max(0L, (to.Instant - from.Instant).Ticks);
}
