namespace Centric.Domain.Activity;

/// <summary>
/// An unbroken run of activity [Start, End): Start is the purchase day that found the customer inactive (new or
/// reactivation), End is the churn day, the first day the customer is inactive again. Days are
/// <see cref="DateOnly.DayNumber"/>s.
/// </summary>
public readonly record struct ActivitySpell(int Start, int End)
{
    public bool IsActiveOn(int day) => day >= Start && day < End;
}
