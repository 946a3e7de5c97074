using System.Text.Json;
using Centric.LocalHost.Timers;

namespace Centric.LocalHost.Configuration;

/// <summary>
/// A script root read the way the Functions host reads it: host.json plus one folder per function holding
/// function.json. <c>%Setting%</c> placeholders are resolved; bad or missing settings are configuration errors.
/// </summary>
public sealed record FunctionApp(
    string ScriptRoot,
    HostConfiguration Host,
    IReadOnlyList<HttpFunction> HttpFunctions,
    IReadOnlyList<QueueFunction> QueueFunctions,
    IReadOnlyList<TimerFunction> TimerFunctions)
{
    public static FunctionApp Load(string scriptRoot, SettingResolver settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = Path.GetFullPath(scriptRoot);
        var host = HostConfiguration.Load(root, settings);
        var http = new List<HttpFunction>();
        var queues = new List<QueueFunction>();
        var timers = new List<TimerFunction>();
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, "function.json");
            if (!File.Exists(path))
            {
                continue;
            }

            var name = Path.GetFileName(folder);
            using var document = HostConfiguration.Json.Parse(path);
            if (HostConfiguration.Json.Bool(document.RootElement, "disabled") == true)
            {
                continue;
            }

            if (!document.RootElement.TryGetProperty("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array)
            {
                throw new LocalHostConfigurationException($"{path} has no bindings array.");
            }

            var trigger = bindings.EnumerateArray()
                .FirstOrDefault(b => HostConfiguration.Json.String(b, "type")?.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) == true);
            if (trigger.ValueKind != JsonValueKind.Object)
            {
                throw new LocalHostConfigurationException($"{path} has no trigger binding.");
            }

            var bindingName = HostConfiguration.Json.String(trigger, "name") ?? throw new LocalHostConfigurationException($"{path}: the trigger binding has no name.");
            string Required(string property) => HostConfiguration.Json.String(trigger, property) is { Length: > 0 } value
                ? settings.Resolve(value, name)
                : throw new LocalHostConfigurationException($"{path}: the trigger binding has no {property}.");

            switch (HostConfiguration.Json.String(trigger, "type")!.ToLowerInvariant())
            {
                case "httptrigger":
                    var methods = HostConfiguration.Json.TryGet(trigger, "methods", out var m) && m.ValueKind == JsonValueKind.Array
                        ? m.EnumerateArray().Select(x => (x.GetString() ?? string.Empty).ToUpperInvariant()).ToList()
                        : [];
                    var route = HostConfiguration.Json.String(trigger, "route") is { Length: > 0 } r ? settings.Resolve(r, name) : name;
                    http.Add(new HttpFunction(name, bindingName, methods, route.Trim('/')));
                    break;
                case "queuetrigger":
                    var connection = HostConfiguration.Json.String(trigger, "connection") ?? "AzureWebJobsStorage";
                    queues.Add(new QueueFunction(name, bindingName, Required("queueName").ToLowerInvariant(), connection));
                    break;
                case "timertrigger":
                    var expression = Required("schedule");
                    if (!CronSchedule.TryParse(expression, out var schedule, out var error))
                    {
                        throw new LocalHostConfigurationException($"Function '{name}': {error}");
                    }

                    timers.Add(new TimerFunction(name, bindingName, schedule, HostConfiguration.Json.Bool(trigger, "runOnStartup") ?? false));
                    break;
                default:
                    throw new LocalHostConfigurationException(
                        $"Function '{name}' uses a {HostConfiguration.Json.String(trigger, "type")} trigger, which the local host does not run (http, queue and timer only).");
            }
        }

        if (http.Count > 0 && !host.CustomHandler.EnableProxyingHttpRequest)
        {
            throw new LocalHostConfigurationException(
                $"{Path.Combine(root, "host.json")}: HTTP functions need customHandler.enableProxyingHttpRequest (or enableForwardingHttpRequest) set to true; the local host proxies requests to the handler unchanged.");
        }

        return new FunctionApp(root, host, http, queues, timers);
    }
}
