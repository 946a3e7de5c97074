using Centric.Domain.Exports;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Places parsed timestamps in the dataset's time zone: a value with an offset is that instant, shown on the
/// zone's clock; a value without one is already the zone's clock time (a time skipped by a daylight-saving change
/// is read as the same clock reading after the change); a date-only value is local midnight.
/// </summary>
internal sealed class ZoneClock(TimeZoneInfo zone)
{
    private readonly bool isUtc = zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime;

    /// <summary>True when every local time is its UTC instant (UTC, or a zone that never leaves UTC).</summary>
    public bool IsUtc => isUtc;

    public (DateTime Local, DateTime Utc) Resolve(ParsedTimestamp value)
    {
        if (value.Offset is { } offset)
        {
            var utc = DateTime.SpecifyKind(value.Clock - offset, DateTimeKind.Utc);
            var local = isUtc ? utc : TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
            return (DateTime.SpecifyKind(local, DateTimeKind.Unspecified), DateTime.SpecifyKind(utc, DateTimeKind.Unspecified));
        }

        if (isUtc)
        {
            return (value.Clock, value.Clock);
        }

        var clock = value.Clock;
        if (zone.IsInvalidTime(clock))
        {
            var skipped = zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= clock && clock <= r.DateEnd)
                ?.DaylightDelta ?? TimeSpan.FromHours(1);
            var utcBefore = TimeZoneInfo.ConvertTimeToUtc(clock - skipped, zone);
            var utcOfSkipped = utcBefore + skipped;
            return (TimeZoneInfo.ConvertTimeFromUtc(utcOfSkipped, zone), DateTime.SpecifyKind(utcOfSkipped, DateTimeKind.Unspecified));
        }

        return (clock, DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(clock, zone), DateTimeKind.Unspecified));
    }

    public static bool TryFind(string? id, out ZoneClock clock)
    {
        clock = new ZoneClock(TimeZoneInfo.Utc);
        if (string.IsNullOrWhiteSpace(id))
        {
            return true;
        }

        try
        {
            clock = new ZoneClock(TimeZoneInfo.FindSystemTimeZoneById(id.Trim()));
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}
