using System.Text.Json.Nodes;

namespace Centric.Infra.Tests.Bicep;

internal static class JsonNodeExtensions
{
    /// <summary>The string at a dotted path (e.g. "properties.minimumTlsVersion"), or null.</summary>
    public static string? Text(this JsonNode? node, string path) => node.At(path) is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    /// <summary>The boolean at a dotted path, or null when absent or not a literal boolean.</summary>
    public static bool? Flag(this JsonNode? node, string path) => node.At(path) is JsonValue value && value.TryGetValue(out bool flag) ? flag : null;

    public static JsonNode? At(this JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node;
    }

    /// <summary>App settings of a Microsoft.Web/sites resource, by name.</summary>
    public static IReadOnlyDictionary<string, string> AppSettings(this ArmResource site) =>
        (site.Properties.At("siteConfig.appSettings") as JsonArray ?? [])
            .OfType<JsonObject>()
            .ToDictionary(setting => setting.Text("name") ?? "", setting => setting.Text("value") ?? "", StringComparer.Ordinal);
}
