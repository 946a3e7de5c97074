namespace Centric.Domain.Metrics;

/// <summary>
/// Division that is undefined (null), never infinite, on a zero denominator. Values are computed exactly and
/// rounded to <see cref="Decimals"/> places only when a row is written.
/// </summary>
public static class Ratio
{
    public const int Decimals = 6;

    public static decimal? Of(decimal numerator, decimal denominator, decimal scale = 1m) =>
        denominator == 0m ? null : numerator * scale / denominator;

    /// <summary>Rounds to <see cref="Decimals"/> places and drops trailing zeros (155.000000 becomes 155).</summary>
    public static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;

    public static decimal? Round(decimal? value) => value is { } v ? Round(v) : null;
}
