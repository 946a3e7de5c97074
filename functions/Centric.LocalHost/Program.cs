using System.Globalization;
using System.Runtime.InteropServices;
using Centric.Engine.Samples;
using Centric.LocalHost;
using Centric.LocalHost.Configuration;
using Microsoft.Extensions.Logging;

// dotnet run --project functions/Centric.LocalHost [-- --sample] [--script-root DIR] [--port N]
string? scriptRoot = null;
int? port = null;
var sample = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--sample":
            sample = true;
            break;
        case "--script-root" when i + 1 < args.Length:
            scriptRoot = Path.GetFullPath(args[++i]);
            break;
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var p):
            port = p;
            i++;
            break;
        case "-h" or "--help":
            Console.WriteLine("Usage: dotnet run --project functions/Centric.LocalHost [-- --sample] [--script-root DIR] [--port N]");
            Console.WriteLine("  --sample        write the generated sample dataset to exports/sample/ first");
            Console.WriteLine("  --script-root   folder with host.json and the function folders (default: this program's folder)");
            Console.WriteLine("  --port          public API port (default: Host.LocalHttpPort in local.settings.json, else 7071)");
            return 0;
        default:
            await Console.Error.WriteLineAsync($"Unknown argument '{args[i]}'. Try --help.");
            return 2;
    }
}

using var loggerFactory = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(LogLevel.Information)
    .AddSimpleConsole(console =>
    {
        console.SingleLine = true;
        console.TimestampFormat = "HH:mm:ss ";
        console.UseUtcTimestamp = true;
    }));
var logger = loggerFactory.CreateLogger("Centric.LocalHost");

scriptRoot ??= AppContext.BaseDirectory;
var repository = RepositoryLocator.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
SettingsDiscovery.Find(logger, out var settings, Directory.GetCurrentDirectory(), repository, scriptRoot);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

await using var host = new LocalFunctionsHost(
    new LocalHostOptions
    {
        ScriptRoot = scriptRoot,
        Settings = settings?.Values ?? new Dictionary<string, string>(),
        HttpPort = port ?? settings?.LocalHttpPort ?? 7071,
        RepositoryRoot = repository,
        Sample = sample ? new SampleOptions() : null,
    },
    loggerFactory);
try
{
    await host.StartAsync(stop.Token);
}
catch (LocalHostConfigurationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 0;
}

Console.WriteLine($"Centric local host: API at {host.ApiBaseUrl} (Ctrl+C to stop)");
Console.WriteLine($"Dashboard: {new Uri(host.ApiBaseUrl, "dashboard")}");
var stopped = Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
if (await Task.WhenAny(stopped, host.HandlerGaveUp) != stopped)
{
    await Console.Error.WriteLineAsync("The handler kept exiting and is no longer restarted; stopping.");
    await host.StopAsync();
    return 1;
}

await host.StopAsync();
return 0;

/// <summary>Settings discovery for the command line.</summary>
internal static class SettingsDiscovery
{
    /// <summary>
    /// Finds local.settings.json (current folder, repository root, script root), else the committed sample,
    /// and logs which one is used.
    /// </summary>
    public static void Find(ILogger logger, out LocalSettings? settings, params string?[] folders)
    {
        settings = LocalSettings.Find(folders);
        if (settings?.Source is not { } source)
        {
            return;
        }

        if (settings.IsSample)
        {
            Centric.LocalHost.Logging.Log.SettingsFromSample(logger, source);
        }
        else
        {
            Centric.LocalHost.Logging.Log.SettingsLoaded(logger, source);
        }
    }
}
