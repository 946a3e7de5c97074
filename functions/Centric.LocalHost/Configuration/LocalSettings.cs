using System.Text.Json;

namespace Centric.LocalHost.Configuration;

/// <summary>
/// The contents of <c>local.settings.json</c>: <c>Values</c> (app settings, handed to the handler as
/// environment variables and used for <c>%Setting%</c> in bindings) and <c>Host.LocalHttpPort</c>.
/// </summary>
public sealed record LocalSettings(IReadOnlyDictionary<string, string> Values, int? LocalHttpPort, string? Source)
{
    public const string FileName = "local.settings.json";

    public const string SampleFileName = "local.settings.sample.json";

    public static LocalSettings Empty { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), null, null);

    /// <summary>Reads a settings file; a malformed file is a configuration error naming the file.</summary>
    public static LocalSettings Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (document.RootElement.TryGetProperty(nameof(Values), out var section) && section.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in section.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()!
                        : property.Value.GetRawText();
                }
            }

            int? port = null;
            if (document.RootElement.TryGetProperty("Host", out var host) &&
                host.ValueKind == JsonValueKind.Object &&
                host.TryGetProperty(nameof(LocalHttpPort), out var portElement) &&
                portElement.TryGetInt32(out var parsed))
            {
                port = parsed;
            }

            return new LocalSettings(values, port, Path.GetFullPath(path));
        }
        catch (JsonException e)
        {
            throw new LocalHostConfigurationException($"{path} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// Finds <c>local.settings.json</c> in the first of <paramref name="folders"/> that has one; when none does,
    /// falls back to the committed <c>local.settings.sample.json</c> in the same folders. Null when neither exists.
    /// </summary>
    public static LocalSettings? Find(IEnumerable<string?> folders)
    {
        var candidates = folders.Where(f => !string.IsNullOrEmpty(f)).Select(f => Path.GetFullPath(f!)).Distinct().ToList();
        foreach (var name in new[] { FileName, SampleFileName })
        {
            foreach (var folder in candidates)
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    return Load(path);
                }
            }
        }

        return null;
    }

    /// <summary>Whether these values came from the committed sample rather than a developer's own file.</summary>
    public bool IsSample => Source is not null && Path.GetFileName(Source) == SampleFileName;
}
