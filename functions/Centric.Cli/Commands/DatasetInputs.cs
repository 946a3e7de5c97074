using Centric.Engine.Settings;

namespace Centric.Cli.Commands;

/// <summary>
/// A local dataset's configuration: settings from <c>--settings</c>, else <c>DIR/settings.json</c>, else the defaults;
/// mapping from <c>DIR/mapping.json</c> when present; both read as the cloud pipeline reads them. An unreadable or
/// invalid file is a problem (the run stops), not a silent fallback to the defaults.
/// </summary>
internal static class DatasetInputs
{
    public static DatasetConfiguration? Read(string exportsFolder, string? settingsPath, out string? problem)
    {
        var path = settingsPath ?? Path.Combine(exportsFolder, DatasetConfiguration.SettingsFileName);
        string? settingsJson = null;
        if ((settingsPath is not null || File.Exists(path)) && (settingsJson = ReadText(path, out problem)) is null)
        {
            return null;
        }

        var mappingPath = Path.Combine(exportsFolder, DatasetConfiguration.MappingFileName);
        string? mappingJson = null;
        if (File.Exists(mappingPath) && (mappingJson = ReadText(mappingPath, out problem)) is null)
        {
            return null;
        }

        var settings = Domain.Datasets.DatasetSettings.Default;
        if (settingsJson is not null && !SettingsReader.TryReadSettings(settingsJson, out settings, out var settingsError))
        {
            problem = $"{path}: {settingsError}";
            return null;
        }

        var mapping = Domain.Exports.DatasetMapping.None;
        if (mappingJson is not null && !SettingsReader.TryReadMapping(mappingJson, out mapping, out var mappingError))
        {
            problem = $"{mappingPath}: {mappingError}";
            return null;
        }

        problem = null;
        return new DatasetConfiguration(settings, mapping, []);
    }

    private static string? ReadText(string path, out string? problem)
    {
        try
        {
            problem = null;
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read '{path}': {e.Message}";
            return null;
        }
    }
}
