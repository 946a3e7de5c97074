using Centric.Domain.Datasets;
using Centric.Engine.Settings;
using Centric.Storage.Exports;

namespace Centric.Pipeline.Configuration;

/// <summary>
/// A dataset's settings and header mapping as read from <c>exports/{dataset}/settings.json</c> and
/// <c>mapping.json</c>. A malformed file falls back to the defaults and says so in <see cref="Problems"/>.
/// </summary>
public sealed record DatasetConfiguration(
    DatasetSettings Settings,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Mapping,
    IReadOnlyList<string> Problems)
{
    /// <summary>
    /// What decides how a file's rows are read: time zone, date order, decimal separator and the header mapping. It is
    /// part of an ingestion's identity, so changing any of them re-ingests the dataset's files; settings that only
    /// change the computation (inactivity window, presets, CLV) do not.
    /// </summary>
    public string ParsingFingerprint
    {
        get
        {
            var mapping = string.Join(';', Mapping.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k =>
                k.Key + "=" + string.Join(',', k.Value.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ">" + e.Value))));
            var text = $"{Settings.TimeZone}|{Settings.DateOrder}|{Settings.DecimalSeparator}|{mapping}";
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 4));
        }
    }

    public static async Task<DatasetConfiguration> ReadAsync(ExportsStore exports, string dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exports);
        var problems = new List<string>();
        var settings = DatasetSettings.Default;
        if (await exports.ReadTextAsync($"{dataset}/settings.json", cancellationToken) is { } settingsJson)
        {
            if (!SettingsReader.TryReadSettings(settingsJson, out settings, out var error))
            {
                problems.Add(error + " The defaults are used.");
            }
        }

        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> mapping = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        if (await exports.ReadTextAsync($"{dataset}/mapping.json", cancellationToken) is { } mappingJson)
        {
            if (!SettingsReader.TryReadMapping(mappingJson, out mapping, out var error))
            {
                problems.Add(error + " No explicit mapping is used.");
            }
        }

        return new DatasetConfiguration(settings, mapping, problems);
    }
}
