namespace Centric.Domain.Exports;

/// <summary>Two timestamps of a row where <see cref="Later"/> may not come before <see cref="Earlier"/>
/// (a negative duration, e.g. a ticket resolved before it was opened, is a rejected row). By default a date without a
/// time only has to fall on or after the other's day (an order shipped on its order day is fine); with
/// <see cref="Exact"/> the instants are compared, a date without a time being midnight in the dataset's time zone,
/// because the pair is measured in hours.</summary>
public sealed record TimestampOrder(string Earlier, string Later, bool Exact = false);
