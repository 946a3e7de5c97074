namespace Centric.LocalHost.Resilience;

/// <summary>
/// Capped exponential backoff with jitter: the n-th consecutive failure waits a random time between half and all of
/// <c>min(initial * 2^(n-1), max)</c>, so loops that failed together do not retry in step. <see cref="Reset"/> after a
/// success.
/// </summary>
public sealed class Backoff(TimeSpan initial, TimeSpan max, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;

    /// <summary>Consecutive failures so far.</summary>
    public int Failures { get; private set; }

    /// <summary>Counts a failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan Next()
    {
        var exponent = Math.Min(Failures, 30);
        Failures++;
        var capped = Math.Min(initial.Ticks * Math.Pow(2, exponent), max.Ticks);
        return TimeSpan.FromTicks((long)(capped * (0.5 + (_random.NextDouble() / 2))));
    }

    public void Reset() => Failures = 0;
}
