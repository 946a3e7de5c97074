using Centric.Domain.Datasets;
using Centric.Engine.Settings;

namespace Centric.Cli.Commands;

/// <summary>
/// A local dataset's settings and header mapping: settings from <c>--settings</c>, else <c>DIR/settings.json</c>,
/// else the defaults; mapping from <c>DIR/mapping.json</c> when present. An unreadable or invalid file is a problem
/// (the run stops), not a silent fallback to the defaults.
/// </summary>
internal sealed record DatasetInputs(
    DatasetSettings Settings,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Mapping)
{
    public static DatasetInputs? Read(string exportsFolder, string? settingsPath, out string? problem)
    {
        var settings = DatasetSettings.Default;
        var path = settingsPath ?? Path.Combine(exportsFolder, "settings.json");
        if (settingsPath is not null || File.Exists(path))
        {
            if (ReadText(path, out problem) is not { } json)
            {
                return null;
            }

            if (!SettingsReader.TryReadSettings(json, out settings, out var error))
            {
                problem = $"{path}: {error}";
                return null;
            }
        }

        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> mapping =
            new Dictionary<string, IReadOnlyDictionary<string, string>>();
        var mappingPath = Path.Combine(exportsFolder, "mapping.json");
        if (File.Exists(mappingPath))
        {
            if (ReadText(mappingPath, out problem) is not { } json)
            {
                return null;
            }

            if (!SettingsReader.TryReadMapping(json, out mapping, out var error))
            {
                problem = $"{mappingPath}: {error}";
                return null;
            }
        }

        problem = null;
        return new DatasetInputs(settings, mapping);
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
