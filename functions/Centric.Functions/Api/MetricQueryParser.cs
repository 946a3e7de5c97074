using System.Globalization;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Storage.Snapshots;

namespace Centric.Functions.Api;

/// <summary>
/// Validates the query of <c>GET /api/datasets/{dataset}/metrics/{metric}</c>: <c>from</c>/<c>to</c> (<c>YYYY-MM</c>,
/// <c>YYYY-MM-DD</c> or <c>YYYY</c>), <c>grain</c>, <c>segment</c>, <c>preset</c> (a preset or <c>all</c>),
/// <c>format</c> (<c>json</c>/<c>csv</c>), <c>top</c> (1-10000, default 1000) and <c>skip</c>.
/// </summary>
internal static class MetricQueryParser
{
    public const int DefaultTop = 1000;
    public const int MaxTop = 10000;

    public sealed record Parsed(SnapshotQuery Query, string Format, int Top, int Skip);

    public static Parsed Parse(MetricDefinition metric, IQueryCollection query, string? defaultPreset, string? accept, out string? error)
    {
        error = null;
        var grain = Grain.Month;
        if (query["grain"].ToString() is { Length: > 0 } grainText && !GrainNames.TryParse(grainText, out grain))
        {
            error = $"grain '{grainText}' is not one of month, quarter, year.";
        }

        var from = ParseDay(query["from"].ToString(), "from", start: true, ref error);
        var to = ParseDay(query["to"].ToString(), "to", start: false, ref error);
        if (from is { } f && to is { } t && f > t)
        {
            error ??= $"from ({f:yyyy-MM-dd}) is after to ({t:yyyy-MM-dd}).";
        }

        string? preset = null;
        var presetText = query["preset"].ToString();
        if (metric.Presets.Count == 0)
        {
            if (presetText.Length > 0)
            {
                error ??= $"metric {metric.Id} has no presets.";
            }

            preset = "";
        }
        else if (presetText == "all")
        {
            preset = null;
        }
        else if (presetText.Length > 0)
        {
            preset = metric.Presets.Contains(presetText) ? presetText : null;
            if (preset is null)
            {
                error ??= $"preset '{presetText}' is not one of {string.Join(", ", metric.Presets)} (or all).";
            }
        }
        else
        {
            preset = defaultPreset is not null && metric.Presets.Contains(defaultPreset) ? defaultPreset : metric.DefaultPreset;
        }

        var segment = query["segment"].ToString() is { Length: > 0 } s ? s : "*";
        if (segment != "*" && !segment.Contains(':', StringComparison.Ordinal))
        {
            error ??= $"segment '{segment}' is not * or attribute:value (e.g. country:ES, or country:* for every country).";
        }

        var format = query["format"].ToString() is { Length: > 0 } fmt ? fmt.ToLowerInvariant()
            : accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true ? "csv" : "json";
        if (format is not ("json" or "csv"))
        {
            error ??= $"format '{format}' is not one of json, csv.";
        }

        var top = ParseInt(query["top"].ToString(), "top", DefaultTop, 1, MaxTop, ref error);
        var skip = ParseInt(query["skip"].ToString(), "skip", 0, 0, int.MaxValue, ref error);
        return new Parsed(new SnapshotQuery(metric.Id, grain.ToName(), from, to, segment, preset), format, top, skip);
    }

    private static DateOnly? ParseDay(string text, string name, bool start, ref string? error)
    {
        if (text.Length == 0)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // A month or year given as "to" includes the periods that start within it.
            return start || text.Length == 10 ? day : text.Length == 7 ? day.AddMonths(1).AddDays(-1) : day.AddYears(1).AddDays(-1);
        }

        error ??= $"{name} '{text}' is not a date (YYYY-MM, YYYY-MM-DD or YYYY).";
        return null;
    }

    private static int ParseInt(string text, string name, int fallback, int min, int max, ref string? error)
    {
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        error ??= $"{name} '{text}' is not a whole number from {min} to {max}.";
        return fallback;
    }
}
