using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Centric.Pipeline.Compute;

/// <summary>
/// When ComputeMetrics fans a dataset out over the <c>recompute</c> queue: a dataset with more than
/// <see cref="PartitionRows"/> accepted rows (all kinds, current ledger) is split into <see cref="Partitions"/>
/// customer partitions, or ⌈rows ÷ PartitionRows⌉ (at least 2, at most <see cref="MaxPartitions"/>) when that is not
/// set. The merge waits <see cref="MergeDelay"/> between looks for the partials, at most <see cref="MergeAttempts"/>
/// times. App settings <c>Compute__PartitionRows</c>, <c>Compute__Partitions</c>, <c>Compute__MergeDelaySeconds</c>,
/// <c>Compute__MergeAttempts</c>.
/// </summary>
public sealed record ComputeFanout(long PartitionRows, int? Partitions, TimeSpan MergeDelay, int MergeAttempts)
{
    public const int MaxPartitions = 64;

    public static readonly ComputeFanout Default = new(5_000_000, null, TimeSpan.FromSeconds(15), 120);

    /// <summary>How many partitions a dataset of <paramref name="rows"/> is computed in; 0 for the single run.</summary>
    public int PartitionsFor(long rows) =>
        rows <= PartitionRows ? 0 : Partitions ?? (int)Math.Clamp((rows + PartitionRows - 1) / PartitionRows, 2, MaxPartitions);

    public static ComputeFanout Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ComputeFanout(
            Read(configuration, "Compute:PartitionRows", 0, long.MaxValue) ?? Default.PartitionRows,
            (int?)Read(configuration, "Compute:Partitions", 1, MaxPartitions),
            Read(configuration, "Compute:MergeDelaySeconds", 1, 3600) is { } seconds ? TimeSpan.FromSeconds(seconds) : Default.MergeDelay,
            (int?)Read(configuration, "Compute:MergeAttempts", 1, 10_000) ?? Default.MergeAttempts);
    }

    private static long? Read(IConfiguration configuration, string key, long min, long max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException(string.Create(
                CultureInfo.InvariantCulture, $"The app setting {key.Replace(":", "__", StringComparison.Ordinal)} is '{text}': expected a whole number from {min} to {max}."));
    }
}
