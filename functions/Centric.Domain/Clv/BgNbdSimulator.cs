using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Centric.Domain.Clv;

/// <summary>
/// Simulates customers from the BG/NBD story (Fader, Hardie &amp; Lee 2005, section 3): λ ~ Gamma(r, α),
/// p ~ Beta(a, b); purchases follow a Poisson process with rate λ after the first purchase at time 0, and
/// after each repeat purchase the customer drops out with probability p. Optional spend follows Gamma-Gamma.
/// The same seed always gives the same customers.
/// </summary>
public static class BgNbdSimulator
{
    /// <summary>Simulates <paramref name="customers"/> summaries.</summary>
    /// <param name="parameters">BG/NBD parameters (rates per time unit).</param>
    /// <param name="customers">How many customers.</param>
    /// <param name="minAge">Smallest age T (time since the first purchase at the observation end).</param>
    /// <param name="maxAge">Largest age T; ages are uniform between the two.</param>
    /// <param name="seed">Seed of the <see cref="Random"/> used for every draw.</param>
    /// <param name="grain">When set, times are floored to multiples of it (e.g. 1/7 for days in weeks) and
    /// purchases within one grain merge into one, as in a transaction log summarised by day.</param>
    /// <param name="spend">When set, each repeat purchase has a Gamma(p, ν) value with ν ~ Gamma(q, γ),
    /// and the summary's monetary value is the mean repeat value rounded to cents.</param>
    public static IReadOnlyList<CustomerSummary> Simulate(
        BgNbdParameters parameters,
        int customers,
        double minAge,
        double maxAge,
        int seed,
        double? grain = null,
        GammaGammaParameters? spend = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        ArgumentOutOfRangeException.ThrowIfNegative(minAge);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAge, minAge);

        var random = new Random(seed);
        var result = new CustomerSummary[customers];
        for (var i = 0; i < customers; i++)
        {
            var lambda = Gamma.Sample(random, parameters.R, parameters.Alpha);
            var p = Beta.Sample(random, parameters.A, parameters.B);
            var age = Floor(minAge + (random.NextDouble() * (maxAge - minAge)), grain);
            double? nu = spend is null ? null : Gamma.Sample(random, spend.Q, spend.Gamma);

            var (x, last, total, time) = (0, 0.0, 0.0, 0.0);
            while (true)
            {
                time += -Math.Log(1.0 - random.NextDouble()) / lambda;
                if (!(time <= age))
                {
                    break;
                }

                var value = nu is { } rate ? Gamma.Sample(random, spend!.P, rate) : 0.0;
                var at = Floor(time, grain);
                if (at > last)
                {
                    x++;
                    last = at;
                }

                if (at > 0)
                {
                    total += value; // purchases merged into the first day are not repeat spend
                }
                if (random.NextDouble() < p)
                {
                    break;
                }
            }

            var monetary = x > 0 ? Math.Round((decimal)Math.Min(total / x, 1e12), 2, MidpointRounding.AwayFromZero) : 0m;
            result[i] = new CustomerSummary(i.ToString(CultureInfo.InvariantCulture), x, last, age, monetary);
        }

        return result;
    }

    private static double Floor(double time, double? grain) =>
        grain is { } g and > 0 ? Math.Floor(time / g) * g : time;
}
