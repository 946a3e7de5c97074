namespace Centric.LocalHost.Tests.Support;

/// <summary>
/// Writes a script root (host.json plus one folder per function with its function.json) in a temporary
/// folder, so each test owns its queue names and triggers.
/// </summary>
public sealed class ScriptRootBuilder : IDisposable
{
    public ScriptRootBuilder(string hostJson = DefaultHostJson)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "centric-script-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, "host.json"), hostJson);
    }

    /// <summary>The production host.json's shape, polling faster so tests finish quickly.</summary>
    public const string DefaultHostJson = """
        {
          "version": "2.0",
          "functionTimeout": "00:00:30",
          "customHandler": {
            "description": { "defaultExecutablePath": "dotnet", "arguments": [ "Centric.Functions.dll" ], "workingDirectory": "" },
            "enableProxyingHttpRequest": true
          },
          "extensions": {
            "http": { "routePrefix": "api" },
            "queues": { "batchSize": 16, "newBatchThreshold": 8, "maxDequeueCount": 5, "visibilityTimeout": "00:00:00",
                        "maxPollingInterval": "00:00:00.200", "messageEncoding": "base64" }
          }
        }
        """;

    public string Path { get; }

    public ScriptRootBuilder Queue(string function, string queue) => Function(function, $$"""
        { "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "message", "queueName": "{{queue}}", "connection": "AzureWebJobsStorage" } ] }
        """);

    public ScriptRootBuilder Timer(string function, string schedule, bool runOnStartup) => Function(function, $$"""
        { "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "{{schedule}}", "runOnStartup": {{(runOnStartup ? "true" : "false")}} } ] }
        """);

    public ScriptRootBuilder Http(string function, string route, params string[] methods) => Function(function, $$"""
        { "bindings": [
            { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "function",
              "methods": [ {{string.Join(", ", methods.Select(m => $"\"{m}\""))}} ], "route": "{{route}}" },
            { "type": "http", "direction": "out", "name": "res" } ] }
        """);

    public ScriptRootBuilder Function(string name, string functionJson)
    {
        var folder = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(System.IO.Path.Combine(folder, "function.json"), functionJson);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
