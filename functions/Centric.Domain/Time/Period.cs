namespace Centric.Domain.Time;

/// <summary>A reporting period [Start, End) of whole calendar days.</summary>
public readonly record struct Period(DateOnly Start, DateOnly End);
