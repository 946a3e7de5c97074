namespace Centric.Domain.Datasets;

/// <summary>Predictive CLV settings: horizon, monthly discount rate and the transaction model.</summary>
public sealed record ClvSettings
{
    public int HorizonMonths { get; init; } = 12;

    public decimal MonthlyDiscountRate { get; init; } = 0.01m;

    /// <summary><c>bgnbd</c> or <c>pareto-nbd</c>.</summary>
    public string Model { get; init; } = "bgnbd";
}
