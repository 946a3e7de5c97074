using System.Text.Json;
using System.Text.Json.Serialization;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;

namespace Centric.Engine.Settings;

/// <summary>
/// Reads <c>settings.json</c> and <c>mapping.json</c>. A malformed file is a readable error, never a crash.
/// </summary>
public static class SettingsReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Parses settings; <paramref name="error"/> says what is wrong when it returns false.</summary>
    public static bool TryReadSettings(string json, out DatasetSettings settings, out string? error)
    {
        settings = DatasetSettings.Default;
        try
        {
            settings = JsonSerializer.Deserialize<DatasetSettings>(json, Options) ?? DatasetSettings.Default;
        }
        catch (JsonException e)
        {
            error = $"settings.json is not valid: {e.Message}";
            return false;
        }

        error = Validate(settings);
        if (error is not null)
        {
            settings = DatasetSettings.Default;
        }

        return error is null;
    }

    /// <summary>
    /// Parses <c>{"orders": {"Importe total": "amount"}}</c>: per kind, source header to canonical column. A key that
    /// is not an export kind is an error naming the kinds.
    /// </summary>
    public static bool TryReadMapping(string json, out DatasetMapping mapping, out string? error)
    {
        mapping = DatasetMapping.None;
        Dictionary<string, Dictionary<string, string>>? raw;
        try
        {
            raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json, Options);
        }
        catch (JsonException e)
        {
            error = $"mapping.json is not valid: {e.Message}";
            return false;
        }

        var columns = new Dictionary<ExportKind, IReadOnlyDictionary<string, string>>();
        foreach (var (key, value) in raw ?? [])
        {
            if (!ExportKinds.TryParse(key, out var kind))
            {
                error = $"mapping.json is not valid: '{key}' is not an export kind ({string.Join(", ", ExportKinds.All.Select(k => k.ToSlug()))}).";
                return false;
            }

            columns[kind] = new Dictionary<string, string>(value, StringComparer.OrdinalIgnoreCase);
        }

        mapping = new DatasetMapping(columns);
        error = null;
        return true;
    }

    private static string? Validate(DatasetSettings s)
    {
        if (s.FiscalYearStartMonth is < 1 or > 12)
        {
            return $"settings.json: fiscalYearStartMonth {s.FiscalYearStartMonth} is not a month (1-12).";
        }

        if (s.InactivityDays < 1)
        {
            return $"settings.json: inactivityDays {s.InactivityDays} must be at least 1.";
        }

        if (s.ReportingCurrency.Length != 3)
        {
            return $"settings.json: reportingCurrency '{s.ReportingCurrency}' is not an ISO 4217 code.";
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out _))
        {
            return $"settings.json: timeZone '{s.TimeZone}' is not a known IANA time zone.";
        }

        if (s.ChurnPreset is not ("average" or "start" or "start-plus-new"))
        {
            return $"settings.json: churnPreset '{s.ChurnPreset}' is not one of average, start, start-plus-new.";
        }

        return s.Clv.HorizonMonths < 1 ? "settings.json: clv.horizonMonths must be at least 1." : null;
    }
}
