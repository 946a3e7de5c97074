namespace Centric.Domain.Families;

/// <summary>
/// When something happened: the calendar day in the dataset's time zone (it decides the period) and the exact instant
/// (durations are measured between instants, whatever their offsets).
/// </summary>
public readonly record struct EventTime(DateOnly Day, DateTimeOffset Instant);
