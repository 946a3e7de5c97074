using System.Globalization;
using Centric.Domain.Snapshots;

namespace Centric.Engine.Compute;

/// <summary>
/// Names a snapshot generation and builds its rows, the same for the cloud pipeline and <c>centric compute</c>: every
/// computed value becomes one row carrying the dataset, the generation, when it was computed and the as-of date.
/// </summary>
public static class Generations
{
    /// <summary>A published generation's id: the UTC time it was computed (ordinal order is time order) and a random suffix.</summary>
    public static string CloudId(DateTimeOffset computedAt) =>
        computedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>
    /// When a <see cref="CloudId"/> was named (to the millisecond), or null for an id of another form: how old a
    /// generation is can be told from its name alone, without reading any of it.
    /// </summary>
    public static DateTimeOffset? CloudTime(string generation) =>
        generation is { Length: > CloudTimeLength }
        && DateTimeOffset.TryParseExact(
            generation[..CloudTimeLength], "yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var named)
            ? named
            : null;

    private const int CloudTimeLength = 19;

    /// <summary>A local run's generation id: <c>local-</c> and the UTC second it was computed.</summary>
    public static string LocalId(DateTimeOffset computedAt) =>
        "local-" + computedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The snapshot rows of <paramref name="result"/>; none when there was nothing to compute.</summary>
    public static IReadOnlyList<SnapshotRow> Rows(
        ComputeResult result, string dataset, string generation, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.AsOf is { } asOf
            ? [.. result.Values.Select(v => SnapshotRows.From(v, dataset, generation, computedAt, asOf, result.ReportingCurrency))]
            : [];
    }
}
