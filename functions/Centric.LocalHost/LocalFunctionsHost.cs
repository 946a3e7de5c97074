using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Centric.Functions.Hosting;
using Centric.LocalHost.Configuration;
using Centric.LocalHost.Handler;
using Centric.LocalHost.Http;
using Centric.LocalHost.Invocation;
using Centric.LocalHost.Logging;
using Centric.LocalHost.Queues;
using Centric.LocalHost.Resilience;
using Centric.LocalHost.Samples;
using Centric.LocalHost.Storage;
using Centric.LocalHost.Timers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Centric.LocalHost;

/// <summary>
/// Plays the Azure Functions host's part on a developer machine, from the same host.json and function.json
/// files: chooses storage (starting Azurite if needed), starts the custom handler, serves <c>/api/*</c> by
/// proxying to it, and runs the timer and queue triggers (with poison queues). Start, use
/// <see cref="ApiBaseUrl"/>, stop.
/// </summary>
public sealed class LocalFunctionsHost(LocalHostOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Centric.LocalHost");
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _triggers = [];
    private AzuriteSupervisor? _azurite;
    private HandlerSupervisor? _handler;
    private HandlerAvailability _availability = HandlerAvailability.Always();
    private HttpClient? _handlerClient;
    private WebApplication? _web;
    private FunctionApp? _functions;
    private string? _storage;
    private Uri? _baseUrl;
    private Uri? _handlerUrl;

    /// <summary>The functions read from the script root.</summary>
    public FunctionApp Functions => _functions ?? throw NotStarted();

    /// <summary>The bound public address, e.g. <c>http://127.0.0.1:7071/</c>.</summary>
    public Uri BaseUrl => _baseUrl ?? throw NotStarted();

    /// <summary>The API root, e.g. <c>http://127.0.0.1:7071/api/</c> (the host.json route prefix).</summary>
    public Uri ApiBaseUrl => new(BaseUrl, Functions.Host.RoutePrefix.Length == 0 ? string.Empty : Functions.Host.RoutePrefix + "/");

    /// <summary>The storage connection string the triggers use and the handler receives as AzureWebJobsStorage.</summary>
    public string StorageConnectionString => _storage ?? throw NotStarted();

    /// <summary>The handler's private address (loopback only).</summary>
    public Uri HandlerUrl => _handlerUrl ?? throw NotStarted();

    /// <summary>
    /// Completes if the handler this host started kept exiting and is no longer restarted; never for an external
    /// handler.
    /// </summary>
    public Task HandlerGaveUp => _handler?.GaveUp ?? Task.Delay(Timeout.Infinite, _stopping.Token);

    /// <summary>The process id of the handler this host started (null for an external handler or while it restarts).</summary>
    public int? HandlerProcessId => _handler?.ProcessId;

    /// <summary>The process id of the Azurite this host started (null when it uses storage it did not start).</summary>
    public int? AzuriteProcessId => _azurite?.ProcessId;

    /// <summary>The largest request body the API accepts (the <c>maxUploadBytes</c> setting).</summary>
    public long MaxUploadBytes { get; private set; } = UploadLimit.DefaultBytes;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new SettingResolver(options.Settings, options.Environment);
        _functions = FunctionApp.Load(options.ScriptRoot, settings);
        _logger.FunctionsLoaded(_functions.HttpFunctions.Count, _functions.QueueFunctions.Count, _functions.TimerFunctions.Count, _functions.ScriptRoot);

        var repository = options.RepositoryRoot ?? RepositoryLocator.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory, _functions.ScriptRoot);
        MaxUploadBytes = UploadLimit.From(settings[UploadLimit.SettingName]);
        (_storage, _azurite) = await DevelopmentStorage.ResolveAsync(
            options.StorageConnectionString ?? settings["AzureWebJobsStorage"], repository, options.Azurite, _logger, cancellationToken);

        var queueOptions = new QueueClientOptions
        {
            MessageEncoding = _functions.Host.Queues.Base64Encoding ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None,
        };

        // The triggers retry with their own backoff; one quick SDK retry keeps each attempt short while storage is down.
        queueOptions.Retry.MaxRetries = 1;
        queueOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        queueOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        QueueServiceClient? queues = null;
        queueOptions.MessageDecodingFailed += args => UndecodableMessages.MoveToPoisonAsync(args, queues!, _logger);
        queues = new QueueServiceClient(_storage, queueOptions);
        try
        {
            foreach (var function in _functions.QueueFunctions)
            {
                await queues.GetQueueClient(function.QueueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await queues.GetQueueClient(function.PoisonQueueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            // The queue triggers retry with backoff and create their queues once storage answers.
            _logger.StorageUnreachableAtStart(Resilience.Outage.Describe(e));
        }

        if (options.Sample is { } sample)
        {
            await SampleSeeder.SeedAsync(new BlobServiceClient(_storage), sample, _logger, cancellationToken);
        }

        if (options.HandlerUrl is { } external)
        {
            _handlerUrl = external;
        }
        else
        {
            var environment = settings.Effective().ToDictionary(StringComparer.OrdinalIgnoreCase);
            environment["AzureWebJobsStorage"] = _storage;
            _handler = await HandlerSupervisor.StartAsync(
                _functions.ScriptRoot,
                _functions.Host.CustomHandler,
                environment,
                AzuriteProcess.FreePort,
                options.HandlerStartupTimeout,
                _loggers.CreateLogger("Centric.Functions"),
                _time,
                cancellationToken);
            _handlerUrl = _handler.BaseAddress;
            _availability = _handler.Availability;
        }

        _handlerClient = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        })
        {
            BaseAddress = _handlerUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        await StartWebAsync(cancellationToken);
        StartTriggers(queues);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();

        // Each step runs whatever the one before did: the handler and Azurite this host started always go.
        try
        {
            await Task.WhenAll(_triggers).WaitAsync(cancellationToken);
        }
        finally
        {
            try
            {
                if (_web is not null)
                {
                    await _web.StopAsync(cancellationToken);
                    await _web.DisposeAsync();
                    _web = null;
                }
            }
            finally
            {
                await StopProcessesAsync();
            }
        }

        if (_functions is not null)
        {
            _logger.Stopped();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    private async Task StopProcessesAsync()
    {
        try
        {
            if (_handler is not null)
            {
                await _handler.DisposeAsync();
                _handler = null;
            }
        }
        finally
        {
            if (_azurite is not null)
            {
                await _azurite.DisposeAsync();
                _azurite = null;
            }

            _handlerClient?.Dispose();
            _handlerClient = null;
        }
    }

    private async Task StartWebAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.HttpPort));
        builder.Services.AddProblemDetails();
        _web = builder.Build();
        var proxy = new HandlerProxy(
            new HttpFunctionRouter(Functions.Host.RoutePrefix, Functions.HttpFunctions),
            _handlerClient!,
            Functions.Host.FunctionTimeout,
            MaxUploadBytes,
            _availability,
            _logger);
        _web.Run(proxy.HandleAsync);
        try
        {
            await _web.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new LocalHostConfigurationException(
                $"Port {options.HttpPort} on 127.0.0.1 is in use. Stop whatever uses it, or choose another with --port or Host.LocalHttpPort in local.settings.json.", e);
        }

        var address = _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private void StartTriggers(QueueServiceClient queues)
    {
        var invoker = new HandlerInvoker(_handlerClient!, _availability);
        var host = Functions.Host;
        foreach (var function in Functions.QueueFunctions)
        {
            var trigger = new QueueTrigger(function, queues, host.Queues, invoker, host.FunctionTimeout, _time, _logger);
            _triggers.Add(RunUntilStoppedAsync($"Queue trigger {function.Name}", trigger.RunAsync));
        }

        foreach (var function in Functions.TimerFunctions)
        {
            var trigger = new TimerTrigger(function, invoker, host.FunctionTimeout, _time, _logger);
            _triggers.Add(RunUntilStoppedAsync($"Timer trigger {function.Name}", trigger.RunAsync));
        }
    }

    /// <summary>Runs a trigger loop until the host stops; a loop that fails unexpectedly is logged and run again after a backoff.</summary>
    private async Task RunUntilStoppedAsync(string name, Func<CancellationToken, Task> run)
    {
        var outage = new Outage(name, _logger, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Run(() => run(_stopping.Token));
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                try
                {
                    await Task.Delay(outage.Failed(e), _time, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static InvalidOperationException NotStarted() => new("The local host has not started.");
}
