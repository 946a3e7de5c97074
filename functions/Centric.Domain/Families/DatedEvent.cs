namespace Centric.Domain.Families;

/// <summary>
/// One event a family measures: the day it belongs to (in the dataset's time zone), its customer (null when the row
/// has none: it counts in <c>*</c> only), the value of the family's own event dimension (a survey's touchpoint, a
/// ticket's channel; null when none) and what is measured.
/// </summary>
public readonly record struct DatedEvent<T>(DateOnly Day, string? CustomerId, string? Dimension, T Item);
