namespace Centric.Domain.Clv;

/// <summary>Conversions between days, months and a <see cref="TimeUnit"/>.</summary>
public static class TimeUnits
{
    /// <summary>Mean Gregorian month: 365.25 ÷ 12 = 30.4375 days.</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>Days in one unit: 7 for weeks, 1 for days.</summary>
    public static double DaysPerUnit(TimeUnit unit) => unit switch
    {
        TimeUnit.Week => 7.0,
        TimeUnit.Day => 1.0,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time unit."),
    };

    /// <summary>One mean month in the unit: 30.4375 days, or 4.348214… weeks.</summary>
    public static double UnitsPerMonth(TimeUnit unit) => DaysPerMonth / DaysPerUnit(unit);

    /// <summary>A number of days in the unit.</summary>
    public static double FromDays(int days, TimeUnit unit) => days / DaysPerUnit(unit);
}
