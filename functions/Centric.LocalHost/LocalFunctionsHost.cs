using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Centric.LocalHost.Configuration;
using Centric.LocalHost.Handler;
using Centric.LocalHost.Http;
using Centric.LocalHost.Invocation;
using Centric.LocalHost.Logging;
using Centric.LocalHost.Queues;
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
    private AzuriteProcess? _azurite;
    private HandlerProcess? _handler;
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

    /// <summary>Completes if the handler process this host started exits; never for an external handler.</summary>
    public Task HandlerExited => _handler?.Exited ?? Task.Delay(Timeout.Infinite, _stopping.Token);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new SettingResolver(options.Settings, options.Environment);
        _functions = FunctionApp.Load(options.ScriptRoot, settings);
        _logger.FunctionsLoaded(_functions.HttpFunctions.Count, _functions.QueueFunctions.Count, _functions.TimerFunctions.Count, _functions.ScriptRoot);

        var repository = options.RepositoryRoot ?? RepositoryLocator.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory, _functions.ScriptRoot);
        (_storage, _azurite) = await DevelopmentStorage.ResolveAsync(
            options.StorageConnectionString ?? settings["AzureWebJobsStorage"], repository, _logger, cancellationToken);

        var queueOptions = new QueueClientOptions
        {
            MessageEncoding = _functions.Host.Queues.Base64Encoding ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None,
        };
        QueueServiceClient? queues = null;
        queueOptions.MessageDecodingFailed += args => UndecodableMessages.MoveToPoisonAsync(args, queues!, _logger);
        queues = new QueueServiceClient(_storage, queueOptions);
        foreach (var function in _functions.QueueFunctions)
        {
            await queues.GetQueueClient(function.QueueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await queues.GetQueueClient(function.PoisonQueueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
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
            _handler = await HandlerProcess.StartAsync(
                _functions.ScriptRoot,
                _functions.Host.CustomHandler,
                environment,
                AzuriteProcess.FreePort(),
                options.HandlerStartupTimeout,
                _loggers.CreateLogger("Centric.Functions"),
                cancellationToken);
            _handlerUrl = _handler.BaseAddress;
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

        await Task.WhenAll(_triggers).WaitAsync(cancellationToken);
        if (_web is not null)
        {
            await _web.StopAsync(cancellationToken);
            await _web.DisposeAsync();
            _web = null;
        }

        if (_handler is not null)
        {
            await _handler.DisposeAsync();
            _handler = null;
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }

        _handlerClient?.Dispose();
        _handlerClient = null;
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
        var invoker = new HandlerInvoker(_handlerClient!);
        var host = Functions.Host;
        foreach (var function in Functions.QueueFunctions)
        {
            var trigger = new QueueTrigger(function, queues, host.Queues, invoker, host.FunctionTimeout, _time, _logger);
            _triggers.Add(Task.Run(() => trigger.RunAsync(_stopping.Token)));
        }

        foreach (var function in Functions.TimerFunctions)
        {
            var trigger = new TimerTrigger(function, invoker, host.FunctionTimeout, _time, _logger);
            _triggers.Add(RunUntilStoppedAsync(trigger.RunAsync));
        }
    }

    private async Task RunUntilStoppedAsync(Func<CancellationToken, Task> run)
    {
        try
        {
            await Task.Run(() => run(_stopping.Token));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private static InvalidOperationException NotStarted() => new("The local host has not started.");
}
