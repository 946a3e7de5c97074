using System.Globalization;
using System.Text.Json;

namespace Centric.LocalHost.Configuration;

/// <summary>
/// The parts of host.json the local host acts on. As in Azure, an app setting <c>AzureFunctionsJobHost__{path}</c>
/// overrides the host.json value at that path (<c>AzureFunctionsJobHost__functionTimeout</c>,
/// <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c>); the handler reads the same settings.
/// </summary>
public sealed record HostConfiguration(
    string RoutePrefix,
    TimeSpan FunctionTimeout,
    QueueTriggerOptions Queues,
    CustomHandlerDescription CustomHandler)
{
    public const string TimeoutOverride = "AzureFunctionsJobHost__functionTimeout";

    public const string DequeueOverride = "AzureFunctionsJobHost__extensions__queues__maxDequeueCount";

    public static HostConfiguration Load(string scriptRoot, SettingResolver? settings = null)
    {
        var path = Path.Combine(scriptRoot, "host.json");
        if (!File.Exists(path))
        {
            throw new LocalHostConfigurationException(
                $"No host.json in {scriptRoot}. Pass --script-root with the folder that holds host.json and the function folders.");
        }

        using var document = Json.Parse(path);
        var root = document.RootElement;
        var timeout = Override(settings?[TimeoutOverride], TimeoutOverride) ?? Json.TimeSpan(root, "functionTimeout", path) ?? TimeSpan.FromMinutes(30);

        var routePrefix = "api";
        var queues = new QueueTriggerOptions();
        if (root.TryGetProperty("extensions", out var extensions))
        {
            if (extensions.TryGetProperty("http", out var http) && Json.String(http, "routePrefix") is { } prefix)
            {
                routePrefix = prefix.Trim('/');
            }

            if (extensions.TryGetProperty("queues", out var q))
            {
                var encoding = Json.String(q, "messageEncoding") ?? "base64";
                if (encoding is not ("base64" or "none"))
                {
                    throw new LocalHostConfigurationException($"{path}: messageEncoding '{encoding}' is not 'base64' or 'none'.");
                }

                queues = new QueueTriggerOptions(
                    Json.Int(q, "batchSize") ?? 16,
                    Json.Int(q, "newBatchThreshold") ?? 8,
                    Json.Int(q, "maxDequeueCount") ?? 5,
                    Json.TimeSpan(q, "visibilityTimeout", path) ?? TimeSpan.Zero,
                    Json.TimeSpan(q, "maxPollingInterval", path),
                    encoding == "base64");
            }
        }

        if (settings?[DequeueOverride] is { Length: > 0 } dequeues)
        {
            queues = queues with
            {
                MaxDequeueCount = int.TryParse(dequeues, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
                    ? count
                    : throw new LocalHostConfigurationException($"The setting {DequeueOverride} '{dequeues}' is not a positive whole number."),
            };
        }

        if (!root.TryGetProperty("customHandler", out var handler) ||
            !handler.TryGetProperty("description", out var description) ||
            Json.String(description, "defaultExecutablePath") is not { Length: > 0 } executable)
        {
            throw new LocalHostConfigurationException($"{path} has no customHandler.description.defaultExecutablePath.");
        }

        var arguments = description.TryGetProperty("arguments", out var args) && args.ValueKind == JsonValueKind.Array
            ? args.EnumerateArray().Select(a => a.GetString() ?? string.Empty).ToList()
            : [];
        var proxying = Json.Bool(handler, "enableProxyingHttpRequest") ?? Json.Bool(handler, "enableForwardingHttpRequest") ?? false;
        return new HostConfiguration(
            routePrefix,
            timeout,
            queues,
            new CustomHandlerDescription(executable, arguments, Json.String(description, "workingDirectory") ?? string.Empty, proxying));
    }

    private static TimeSpan? Override(string? text, string name) =>
        text is not { Length: > 0 }
            ? null
            : System.TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > System.TimeSpan.Zero
                ? span
                : throw new LocalHostConfigurationException($"The setting {name} '{text}' is not a time span like 00:10:00.");

    /// <summary>Small readers over host.json and function.json elements.</summary>
    internal static class Json
    {
        public static JsonDocument Parse(string path)
        {
            try
            {
                return JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
                {
                    CommentHandling = JsonCommentHandling.Skip,
                    AllowTrailingCommas = true,
                });
            }
            catch (JsonException e)
            {
                throw new LocalHostConfigurationException($"{path} is not valid JSON: {e.Message}", e);
            }
        }

        public static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        public static int? Int(JsonElement element, string name) =>
            TryGet(element, name, out var value) && value.TryGetInt32(out var number) ? number : null;

        public static bool? Bool(JsonElement element, string name) =>
            TryGet(element, name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean()
                : null;

        public static TimeSpan? TimeSpan(JsonElement element, string name, string path)
        {
            if (String(element, name) is not { } text)
            {
                return null;
            }

            return System.TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= System.TimeSpan.Zero
                ? span
                : throw new LocalHostConfigurationException($"{path}: {name} '{text}' is not a time span like 00:10:00.");
        }

        /// <summary>Property lookup ignoring case, as the Functions host reads these files.</summary>
        public static bool TryGet(JsonElement element, string name, out JsonElement value)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        value = property.Value;
                        return true;
                    }
                }
            }

            value = default;
            return false;
        }
    }
}
