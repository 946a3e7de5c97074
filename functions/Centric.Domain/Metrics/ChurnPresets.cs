namespace Centric.Domain.Metrics;

/// <summary>The churn-rate denominators of docs/metrics.md.</summary>
public static class ChurnPresets
{
    /// <summary>Lost customers over the mean number of active customers in the period (the default).</summary>
    public const string Average = "average";

    /// <summary>ChartMogul: churn of the customers active at the start over that start base.</summary>
    public const string Start = "start";

    /// <summary>Stripe: churn in the period over the start base plus the period's new customers.</summary>
    public const string StartPlusNew = "start-plus-new";

    public static IReadOnlyList<string> All { get; } = [Average, Start, StartPlusNew];
}
