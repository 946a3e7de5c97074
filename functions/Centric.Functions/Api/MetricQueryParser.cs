using System.Globalization;
using Centric.Domain.Metrics;
using Centric.Domain.Time;
using Centric.Storage.Snapshots;

namespace Centric.Functions.Api;

/// <summary>
/// Validates the query of <c>GET /api/datasets/{dataset}/metrics/{metric}</c>: <c>from</c>/<c>to</c> (<c>YYYY-MM</c>,
/// <c>YYYY-MM-DD</c> or <c>YYYY</c>), <c>grain</c>, <c>segment</c>, <c>preset</c> (a preset or <c>all</c>),
/// <c>format</c> (<c>json</c>/<c>csv</c>), <c>top</c> (1-10000, default 1000) and <c>skip</c>. A parameter that is given
/// but malformed — empty included — is never read as "no filter": the error names the first one and its accepted form.
/// </summary>
internal static class MetricQueryParser
{
    public const int DefaultTop = 1000;
    public const int MaxTop = 10000;

    public sealed record Parsed(SnapshotQuery Query, string Format, int Top, int Skip);

    /// <summary>The parameters of the route, as the OpenAPI document describes them; any other is refused.</summary>
    public static readonly QueryParameter[] Parameters =
    [
        new("from", "The first period: YYYY-MM, YYYY-MM-DD or YYYY (default: the first)."),
        new("to", "The last period: YYYY-MM, YYYY-MM-DD or YYYY; a month or year includes the periods that start within it (default: the last)."),
        new("grain", "month (default), quarter or year."),
        new("segment", "* (default), attribute:value (country:ES, clv-tier:high) or attribute:* for every value."),
        new("preset", "One of the metric's presets, or all (default: the dataset's churn preset, else the metric's default)."),
        new("format", "json (default) or csv; Accept: text/csv also chooses csv."),
        new("top", "Rows a page: 1 to 10000 (default 1000)."),
        new("skip", "Rows skipped before the page (default 0)."),
    ];

    public static Parsed Parse(MetricDefinition metric, IQueryCollection query, string? defaultPreset, string? accept, out string? error)
    {
        string? first = null;
        void Fail(string message) => first ??= message;

        var grain = Grain.Month;
        if (query.ContainsKey("grain") && !GrainNames.TryParse(query["grain"].ToString(), out grain))
        {
            Fail($"grain '{query["grain"]}' is not one of month, quarter, year.");
        }

        var from = ParseDay(query, "from", start: true, Fail);
        var to = ParseDay(query, "to", start: false, Fail);
        if (from is { } f && to is { } t && f > t)
        {
            Fail($"from ({f:yyyy-MM-dd}) is after to ({t:yyyy-MM-dd}).");
        }

        string? preset = null;
        var presetText = query["preset"].ToString();
        if (metric.Presets.Count == 0)
        {
            if (query.ContainsKey("preset"))
            {
                Fail($"preset '{presetText}' is not accepted: metric {metric.Id} has no presets.");
            }

            preset = "";
        }
        else if (presetText == "all")
        {
            preset = null;
        }
        else if (query.ContainsKey("preset"))
        {
            preset = metric.Presets.Contains(presetText) ? presetText : null;
            if (preset is null)
            {
                Fail($"preset '{presetText}' is not one of {string.Join(", ", metric.Presets)} (or all).");
            }
        }
        else
        {
            preset = defaultPreset is not null && metric.Presets.Contains(defaultPreset) ? defaultPreset : metric.DefaultPreset;
        }

        var segment = query.ContainsKey("segment") ? query["segment"].ToString() : "*";
        if (!IsSegment(segment))
        {
            Fail($"segment '{segment}' is not * or attribute:value with both parts given (e.g. country:ES, or country:* for every country).");
        }

        var format = query["format"].ToString() is { Length: > 0 } fmt ? fmt.ToLowerInvariant()
            : accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true ? "csv" : "json";
        if (format is not ("json" or "csv"))
        {
            Fail($"format '{format}' is not one of json, csv.");
        }

        var top = ParseInt(query, "top", DefaultTop, 1, MaxTop, Fail);
        var skip = ParseInt(query, "skip", 0, 0, int.MaxValue, Fail);
        error = first;
        return new Parsed(new SnapshotQuery(metric.Id, grain.ToName(), from, to, segment, preset), format, top, skip);
    }

    /// <summary><c>*</c>, or a non-empty attribute and a non-empty value (or <c>*</c>) around the first colon.</summary>
    private static bool IsSegment(string segment)
    {
        if (segment == "*")
        {
            return true;
        }

        var colon = segment.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < segment.Length - 1
            && !string.IsNullOrWhiteSpace(segment[..colon]) && !string.IsNullOrWhiteSpace(segment[(colon + 1)..]);
    }

    private static DateOnly? ParseDay(IQueryCollection query, string name, bool start, Action<string> fail)
    {
        if (!query.ContainsKey(name))
        {
            return null;
        }

        var text = query[name].ToString();

        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // A month or year given as "to" includes the periods that start within it.
            return start || text.Length == 10 ? day : text.Length == 7 ? day.AddMonths(1).AddDays(-1) : day.AddYears(1).AddDays(-1);
        }

        fail($"{name} '{text}' is not a date (YYYY-MM, YYYY-MM-DD or YYYY).");
        return null;
    }

    private static int ParseInt(IQueryCollection query, string name, int fallback, int min, int max, Action<string> fail)
    {
        if (!query.ContainsKey(name))
        {
            return fallback;
        }

        var text = query[name].ToString();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        fail($"{name} '{text}' is not a whole number from {min} to {max}.");
        return fallback;
    }
}
