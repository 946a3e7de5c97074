using Centric.Domain.Metrics;

namespace Centric.Domain.Families;

/// <summary>A metric's value for one period and segment, with the numerator and denominator it was divided from.</summary>
public readonly record struct Reduction(decimal? Value, decimal? Numerator, decimal? Denominator)
{
    /// <summary>numerator ÷ denominator × scale; null value when the denominator is 0.</summary>
    public static Reduction Divide(decimal numerator, decimal denominator, decimal scale = 1m) =>
        new(Ratio.Of(numerator, denominator, scale), numerator, denominator);

    /// <summary>The mean of <paramref name="values"/>: numerator their sum, denominator their count.</summary>
    public static Reduction Mean(IReadOnlyCollection<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Divide(values.Sum(), values.Count);
    }

    /// <summary>The mean of <paramref name="values"/>, summed in their order: numerator their sum, denominator their count.</summary>
    public static Reduction Mean(ReadOnlySpan<decimal> values)
    {
        var sum = 0m;
        foreach (var value in values)
        {
            sum += value;
        }

        return Divide(sum, values.Length);
    }

    /// <summary>
    /// The nearest-rank percentile: the ⌈p·n⌉-th smallest value (p90: the ⌈0.9 n⌉-th). Numerator the value, denominator
    /// the number of values.
    /// </summary>
    public static Reduction Percentile(IReadOnlyCollection<decimal> values, decimal p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new(null, null, 0);
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        var value = sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
        return new(value, value, sorted.Length);
    }

    /// <summary>The largest value; numerator the value, denominator the number of values.</summary>
    public static Reduction Max(IReadOnlyCollection<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? new(null, null, 0) : new(values.Max(), values.Max(), values.Count);
    }
}
