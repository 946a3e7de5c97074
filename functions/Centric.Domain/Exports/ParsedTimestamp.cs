namespace Centric.Domain.Exports;

/// <summary>A date or date-time read from an export: the clock reading as written, and its UTC offset when the
/// value carried one (<c>Z</c>, <c>+02:00</c>). A date-only value is midnight with <see cref="IsDateOnly"/>.</summary>
public readonly record struct ParsedTimestamp(DateTime Clock, TimeSpan? Offset, bool IsDateOnly);
