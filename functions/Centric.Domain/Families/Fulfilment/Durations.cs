namespace Centric.Domain.Families.Fulfilment;

/// <summary>
/// Exact elapsed time between two instants (order to shipping, onboarding start to completion), whatever their
/// offsets: a change of daylight-saving time in between is not an hour gained or lost. Ingestion rejects a later
/// instant before an earlier one; what is left below zero is a date without a time (midnight) on the same day as a
/// timestamp, such as an order placed at 15:00 and shipped "that day": it counts as no time at all.
/// </summary>
public static class Durations
{
    public static decimal Hours(EventTime from, EventTime to) => Elapsed(from, to, TimeSpan.TicksPerHour);

    public static decimal Days(EventTime from, EventTime to) => Elapsed(from, to, TimeSpan.TicksPerDay);

    /// <summary>The elapsed ticks from <paramref name="from"/> to <paramref name="to"/>, 0 when below zero: <see cref="Hours"/> is these ticks in hours.</summary>
    public static long Ticks(EventTime from, EventTime to) => Math.Max(0L, (to.Instant - from.Instant).Ticks);

    private static decimal Elapsed(EventTime from, EventTime to, long ticksPerUnit) =>
        Math.Max(0m, (decimal)(to.Instant - from.Instant).Ticks / ticksPerUnit);
}
