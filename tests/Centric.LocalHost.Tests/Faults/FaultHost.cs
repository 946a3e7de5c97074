using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Centric.LocalHost.Storage;
using Centric.LocalHost.Tests.Support;
using Centric.Testing;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Tests.Faults;

/// <summary>
/// The local host as a developer runs it, with nothing configured: it starts its own Azurite (on free ports, data in
/// a folder of this test's own, so a restart keeps it) and the real handler process, scans every 2 seconds, and
/// records every log line, so a test can break a part and watch the host recover.
/// </summary>
internal sealed class FaultHost : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers;
    private readonly string _data;

    private FaultHost(LocalFunctionsHost host, ILoggerFactory loggers, RecordingLogger log, string data)
    {
        Host = host;
        _loggers = loggers;
        Log = log;
        _data = data;
        Api = new HttpClient { BaseAddress = host.ApiBaseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public LocalFunctionsHost Host { get; }

    public RecordingLogger Log { get; }

    public HttpClient Api { get; }

    public BlobContainerClient Exports => new(Host.StorageConnectionString, "exports");

    /// <param name="maxUploadBytes">The <c>maxUploadBytes</c> setting; null: the default.</param>
    /// <param name="functionTimeout">The host.json functionTimeout, overridden by app setting as in Azure; null: host.json's.</param>
    public static async Task<FaultHost> StartAsync(long? maxUploadBytes = null, TimeSpan? functionTimeout = null)
    {
        var data = Directory.CreateTempSubdirectory("centric-faults-").FullName;
        var provider = new RecordingLoggerProvider();
        var loggers = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(provider));
        var settings = new Dictionary<string, string>
        {
            ["ScanExportsSchedule"] = "*/2 * * * * *",
            ["NightlyRecomputeSchedule"] = "0 0 2 * * *",
        };
        if (maxUploadBytes is { } limit)
        {
            settings["maxUploadBytes"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (functionTimeout is { } timeout)
        {
            settings[Centric.LocalHost.Configuration.HostConfiguration.TimeoutOverride] = timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        var host = new LocalFunctionsHost(
            new LocalHostOptions
            {
                ScriptRoot = AppContext.BaseDirectory,
                HttpPort = 0,
                Environment = static _ => null,
                Settings = settings,
                RepositoryRoot = RepositoryRoot.Find(),
                Azurite = AzuriteOptions.OnFreePorts(data),
            },
            loggers);
        try
        {
            await host.StartAsync();
        }
        catch
        {
            await host.DisposeAsync();
            loggers.Dispose();
            throw;
        }

        return new FaultHost(host, loggers, provider.Logger, data);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < timeout, $"Still waiting after {timeout.TotalSeconds:0} s: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for a log event named <paramref name="name"/> (a source-generated log method).</summary>
    public Task WaitForLogAsync(string name, TimeSpan timeout) =>
        WaitUntilAsync(() => Task.FromResult(HasLogged(name)), timeout, $"a '{name}' log line");

    /// <summary>The recorded log, one line per event.</summary>
    public string Transcript() => string.Join('\n', Log.Events.Select(e => $"{e.Event.Name}: {e.Message}"));

    public bool HasLogged(string name) => Log.Events.Any(e => e.Event.Name == name);

    /// <summary>The dataset's ledger entries, or none while it cannot be read.</summary>
    public async Task<IReadOnlyList<JsonNode>> IngestionsAsync(string dataset)
    {
        using var response = await Api.GetAsync(new Uri($"datasets/{dataset}/ingestions", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => n!).ToList() : [];
    }

    /// <summary>Waits until the dataset has <paramref name="count"/> ledger entries and none is still queued.</summary>
    public async Task<IReadOnlyList<JsonNode>> WaitForIngestionsAsync(string dataset, int count, TimeSpan timeout)
    {
        IReadOnlyList<JsonNode> entries = [];
        await WaitUntilAsync(
            async () =>
            {
                entries = await IngestionsAsync(dataset);
                return entries.Count >= count && entries.All(e => (string?)e["status"] is not ("queued" or null));
            },
            timeout,
            $"{count} finished ingestions in {dataset}");
        return entries;
    }

    /// <summary>The value of a metric for one month, or null while the dataset has no snapshot with it.</summary>
    public async Task<decimal?> MonthlyValueAsync(string dataset, string metric, string month)
    {
        using var response = await Api.GetAsync(new Uri($"datasets/{dataset}/metrics/{metric}?from={month}&to={month}", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var rows = await response.Content.ReadFromJsonAsync<JsonArray>();
        return rows is [{ } row] ? (decimal?)row["value"] : null;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Host.DisposeAsync();
        _loggers.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
