namespace Centric.Domain.Time;

/// <summary>The length of a reporting period.</summary>
public enum Grain
{
    Month,
    Quarter,
    Year,
}
