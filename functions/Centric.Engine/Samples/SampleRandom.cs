namespace Centric.Engine.Samples;

/// <summary>
/// SplitMix64: a tiny, fast generator whose sequence is fixed by its seed on every platform and runtime,
/// so sample files never change under a .NET upgrade.
/// </summary>
internal struct SampleRandom(ulong seed)
{
    private ulong _state = seed;

    public static SampleRandom For(int seed, int stream) =>
        new(unchecked(((ulong)(uint)seed << 32) ^ (ulong)(uint)stream ^ 0x9E3779B97F4A7C15UL));

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, count).</summary>
    public int Next(int count) => (int)(NextDouble() * count);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Exponential with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Standard normal (Box-Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median and log-scale spread.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Gamma with integer shape (sum of exponentials) and the given mean.</summary>
    public double Gamma(int shape, double mean)
    {
        var sum = 0.0;
        for (var i = 0; i < shape; i++)
        {
            sum += Exponential(mean / shape);
        }

        return sum;
    }

    /// <summary>Picks an index with the given relative weights.</summary>
    public int Pick(ReadOnlySpan<int> weights)
    {
        var total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var roll = Next(total);
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
