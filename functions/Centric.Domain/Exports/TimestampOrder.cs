namespace Centric.Domain.Exports;

/// <summary>Two timestamps of a row where <see cref="Later"/> may not come before <see cref="Earlier"/>
/// (a negative duration, e.g. a ticket resolved before it was opened, is a rejected row).</summary>
public sealed record TimestampOrder(string Earlier, string Later);
