using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Centric.Pipeline.Compute;

/// <summary>
/// How long a dataset's ingestions must have been quiet before it is recomputed (app setting
/// <c>Compute__SettleSeconds</c>, 5 s by default, 0 to compute at once). An ingestion queues its recompute to become
/// visible that long after it finishes, and a recompute that finds a later ingestion finished less than that long ago,
/// or an export of the dataset queued and not yet ingested, is queued again for the rest of the settle: files uploaded
/// together (the sample's eight, a nightly drop of several
/// kinds) publish one generation with all of them, and a single upload's numbers are delayed by the settle only.
/// </summary>
public sealed record RecomputeSettle(TimeSpan Delay)
{
    public const string SettingName = "Compute:SettleSeconds";

    public const int MaxSeconds = 300;

    public static readonly RecomputeSettle Default = new(TimeSpan.FromSeconds(5));

    /// <summary>
    /// An export queued longer ago than this (its message lost or still failing) no longer holds recomputes back; the
    /// next scan queues a lost one again.
    /// </summary>
    public static readonly TimeSpan QueuedAtMost = TimeSpan.FromMinutes(10);

    /// <summary>No settle: every recompute computes when it is delivered.</summary>
    public static readonly RecomputeSettle None = new(TimeSpan.Zero);

    public static RecomputeSettle Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxSeconds
            ? new RecomputeSettle(TimeSpan.FromSeconds(seconds))
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"The app setting Compute__SettleSeconds is '{text}': expected a whole number of seconds from 0 to {MaxSeconds}."));
    }

    /// <summary>
    /// How much longer a recompute waits when the dataset's last ingestion finished at <paramref name="lastIngestion"/>
    /// and it is now <paramref name="now"/>: null when the ingestions have been quiet for the settle. Whole seconds,
    /// rounded up, as queue visibility is counted.
    /// </summary>
    public TimeSpan? Remaining(DateTimeOffset? lastIngestion, DateTimeOffset now)
    {
        if (Delay <= TimeSpan.Zero || lastIngestion is not { } last)
        {
            return null;
        }

        // A clock ahead of this instance's never holds a recompute back longer than the settle.
        var remaining = Delay - (now - last);
        remaining = remaining > Delay ? Delay : remaining;
        return remaining > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Ceiling(remaining.TotalSeconds)) : null;
    }
}
