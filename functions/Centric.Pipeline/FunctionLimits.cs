using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Centric.Pipeline;

/// <summary>
/// The Functions host's limits a function must respect: <c>functionTimeout</c> and the queues'
/// <c>maxDequeueCount</c>, read as the host reads them: the app setting <c>AzureFunctionsJobHost__functionTimeout</c>
/// (or <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c>) over host.json, over the defaults
/// (30 minutes on Flex Consumption, 5 deliveries).
/// </summary>
public sealed record FunctionLimits(TimeSpan FunctionTimeout, int MaxDequeueCount)
{
    public const string TimeoutSetting = "AzureFunctionsJobHost:functionTimeout";

    public const string DequeueSetting = "AzureFunctionsJobHost:extensions:queues:maxDequeueCount";

    public static readonly FunctionLimits Default = new(TimeSpan.FromMinutes(30), 5);

    /// <summary>
    /// How long a function runs before it stops by itself: the timeout less a tenth of it (at most 5 s), kept so
    /// the failure is recorded before the host ends the invocation.
    /// </summary>
    public TimeSpan Deadline => FunctionTimeout - TimeSpan.FromTicks(Math.Min(FunctionTimeout.Ticks / 10, TimeSpan.TicksPerSecond * 5));

    /// <summary>The timeout as host.json writes it, e.g. "00:10:00" or "00:00:00.2".</summary>
    public string DescribeTimeout() => FunctionTimeout.ToString(
        FunctionTimeout.Ticks % TimeSpan.TicksPerSecond == 0 ? @"hh\:mm\:ss" : @"hh\:mm\:ss\.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>The limits from the app settings over the host.json in <paramref name="scriptRoot"/> (if any).</summary>
    public static FunctionLimits Load(IConfiguration configuration, string scriptRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        TimeSpan? timeout = null;
        int? dequeues = null;
        var path = Path.Combine(scriptRoot, "host.json");
        if (File.Exists(path))
        {
            using var document = JsonDocument.Parse(
                File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            timeout = ParseTimeout(Property(root, "functionTimeout")?.GetString());
            dequeues = Property(Property(Property(root, "extensions"), "queues"), "maxDequeueCount") is { ValueKind: JsonValueKind.Number } count
                ? count.GetInt32()
                : null;
        }

        timeout = ParseTimeout(configuration[TimeoutSetting]) ?? timeout;
        dequeues = int.TryParse(configuration[DequeueSetting], NumberStyles.None, CultureInfo.InvariantCulture, out var setting) && setting > 0
            ? setting
            : dequeues;
        return new FunctionLimits(timeout ?? Default.FunctionTimeout, dequeues ?? Default.MaxDequeueCount);
    }

    private static TimeSpan? ParseTimeout(string? text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;

    private static JsonElement? Property(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
