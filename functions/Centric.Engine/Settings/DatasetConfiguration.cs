using System.Security.Cryptography;
using System.Text;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;

namespace Centric.Engine.Settings;

/// <summary>
/// A dataset's settings and header mapping, read once from the texts of <c>settings.json</c> and <c>mapping.json</c>
/// (either may be absent) for both the cloud pipeline and <c>centric compute</c>. A malformed file falls back to the
/// defaults and says so in <see cref="Problems"/>: the pipeline records the problem and goes on, the command line stops.
/// </summary>
public sealed record DatasetConfiguration(DatasetSettings Settings, DatasetMapping Mapping, IReadOnlyList<string> Problems)
{
    public const string SettingsFileName = "settings.json";
    public const string MappingFileName = "mapping.json";

    public static DatasetConfiguration Default { get; } = new(DatasetSettings.Default, DatasetMapping.None, []);

    /// <summary>
    /// What decides how a file's rows are read: time zone, date order, decimal separator and the header mapping. It is
    /// part of an ingestion's identity, so changing any of them re-ingests the dataset's files; settings that only
    /// change the computation (inactivity window, presets, CLV) do not.
    /// </summary>
    public string ParsingFingerprint
    {
        get
        {
            var text = $"{Settings.TimeZone}|{Settings.DateOrder}|{Settings.DecimalSeparator}|{Mapping.Describe()}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 4));
        }
    }

    /// <summary>Reads the two files' texts (null when a file is absent).</summary>
    public static DatasetConfiguration Parse(string? settingsJson, string? mappingJson)
    {
        var problems = new List<string>();
        var settings = DatasetSettings.Default;
        if (settingsJson is not null && !SettingsReader.TryReadSettings(settingsJson, out settings, out var settingsError))
        {
            problems.Add(settingsError + " The defaults are used.");
        }

        var mapping = DatasetMapping.None;
        if (mappingJson is not null && !SettingsReader.TryReadMapping(mappingJson, out mapping, out var mappingError))
        {
            problems.Add(mappingError + " No explicit mapping is used.");
        }

        return new DatasetConfiguration(settings, mapping, problems);
    }
}
