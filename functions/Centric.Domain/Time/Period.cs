namespace Centric.Domain.Time;

/// <summary>
/// A reporting period P = [Start, End) of whole calendar days: a month, a quarter or a (fiscal) year.
/// <see cref="Label"/> is its public name: <c>2026-10</c>, <c>2026-Q3</c>, <c>2026</c>, or with a fiscal year
/// not starting in January <c>FY2027-Q1</c> and <c>FY2027</c> (a fiscal year is named by the year it ends in).
/// </summary>
public sealed record Period(Grain Grain, DateOnly Start, DateOnly End, string Label)
{
    /// <summary>The last day of the period, e − 1.</summary>
    public DateOnly LastDay => End.AddDays(-1);

    /// <summary>The period's last day as known on <paramref name="asOf"/>: e − 1, or the as-of date for the partial period.</summary>
    public DateOnly LastDayBy(DateOnly asOf) => LastDay < asOf ? LastDay : asOf;

    public bool Contains(DateOnly day) => day >= Start && day < End;
}
