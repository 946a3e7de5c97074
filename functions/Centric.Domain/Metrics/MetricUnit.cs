namespace Centric.Domain.Metrics;

/// <summary>What a metric's value measures.</summary>
public enum MetricUnit
{
    Count,
    Percent,
    Currency,
    Ratio,
    Hours,
    Days,
    Score,
}
