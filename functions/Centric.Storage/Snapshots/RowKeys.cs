using System.Text;

namespace Centric.Storage.Snapshots;

/// <summary>
/// Table keys of the snapshots table. PartitionKey <c>{dataset}|{generation}</c>; RowKey
/// <c>{metric}|{grain}|{period}|{segment}|{preset}</c> (preset empty for metrics without presets). Characters
/// Table storage forbids in keys (<c>/ \ # ?</c>, controls) and <c>%</c> and <c>|</c> are percent-encoded.
/// </summary>
public static class RowKeys
{
    public static string Partition(string dataset, string generation) => Escape(dataset) + "|" + Escape(generation);

    public static string Row(string metric, string grain, string period, string segment, string? preset) =>
        string.Join('|', Escape(metric), Escape(grain), Escape(period), Escape(segment), Escape(preset ?? ""));

    /// <summary>The RowKey prefix of one metric at one grain: a range query on it reads just those rows.</summary>
    public static string Prefix(string metric, string grain) => Escape(metric) + "|" + Escape(grain) + "|";

    /// <summary>The part <see cref="Escape"/> was given: every <c>%XX</c> back to its character (a <c>%</c> itself is escaped).</summary>
    public static string Unescape(string key) => Uri.UnescapeDataString(key);

    public static string Escape(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var builder = new StringBuilder(part.Length);
        foreach (var c in part)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or '|' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
