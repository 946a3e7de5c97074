namespace Centric.Domain.Clv;

/// <summary>Horizon and discounting of predicted customer lifetime value.</summary>
public sealed record ClvOptions
{
    /// <summary>Months ahead of the calibration end to value (months of 30.4375 days).</summary>
    public int HorizonMonths { get; init; } = 12;

    /// <summary>Discount rate per month, applied as 1/(1 + d)^m to month m's purchases.</summary>
    public decimal MonthlyDiscountRate { get; init; } = 0.01m;

    /// <summary>The time unit of the summaries and of the fitted model.</summary>
    public TimeUnit Unit { get; init; } = TimeUnit.Week;

    /// <summary>The defaults: 12 months, 1 % a month, weeks.</summary>
    public static ClvOptions Default { get; } = new();
}
