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
    /// Parses mapping.json in its short form, <c>{"orders": {"Importe total": "amount"}}</c> (per kind, source header to
    /// canonical column), or its long form, <c>{"orders": {"columns": {...}, "values": {"status": {"Entregado":
    /// "completed"}}}}</c> (values: per canonical column, source value to canonical value); the forms may be mixed across
    /// kinds. A key that is not an export kind, a value mapped for a column the kind does not have, or a status mapped to
    /// a word that is not a status is an error saying what is accepted.
    /// </summary>
    public static bool TryReadMapping(string json, out DatasetMapping mapping, out string? error)
    {
        mapping = DatasetMapping.None;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            error = MappingReader.Read(document.RootElement, out mapping);
        }
        catch (JsonException e)
        {
            error = $"mapping.json is not valid: {e.Message}";
        }

        if (error is not null)
        {
            mapping = DatasetMapping.None;
        }

        return error is null;
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

        if (s.ReportingCurrency is { } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetter)))
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
