using Centric.LocalHost.Configuration;
using Centric.LocalHost.Logging;
using Centric.LocalHost.Resilience;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Handler;

/// <summary>
/// Keeps the custom handler running, as the Functions host does with a worker process: when it exits unexpectedly
/// the invocations in flight fail (their messages are retried), a new process is started on the same port after a
/// backoff, and <see cref="Availability"/> tells triggers and the proxy to wait meanwhile. More than
/// <see cref="MaxRestarts"/> exits within <see cref="RestartWindow"/> is a handler that cannot run: the supervisor gives
/// up and <see cref="GaveUp"/> completes.
/// </summary>
public sealed class HandlerSupervisor : IAsyncDisposable
{
    public const int MaxRestarts = 10;

    public static readonly TimeSpan RestartWindow = TimeSpan.FromMinutes(10);

    private readonly Func<CancellationToken, Task<HandlerProcess>> _start;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _gaveUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<DateTimeOffset> _exits = new();
    private HandlerProcess? _current;
    private Task? _watching;

    private HandlerSupervisor(HandlerProcess first, Func<CancellationToken, Task<HandlerProcess>> start, ILogger logger, TimeProvider time)
    {
        _current = first;
        _start = start;
        _logger = logger;
        _time = time;
        Availability.MarkReady();
    }

    public HandlerAvailability Availability { get; } = new();

    public Uri BaseAddress { get; private init; } = null!;

    /// <summary>The running handler's process id (null while it is being restarted).</summary>
    public int? ProcessId => _current?.ProcessId;

    /// <summary>Completes when the handler kept exiting and the supervisor stopped restarting it.</summary>
    public Task GaveUp => _gaveUp.Task;

    /// <summary>
    /// Starts the handler on the port <paramref name="choosePort"/> gives (failing as <see cref="HandlerProcess.StartAsync"/>
    /// does) and begins watching it; restarts keep that port. A free port chosen can be taken by another process before
    /// the handler binds it: when the handler exits saying so, another port is chosen (<see cref="FreePortStart"/>).
    /// </summary>
    public static async Task<HandlerSupervisor> StartAsync(
        string scriptRoot,
        CustomHandlerDescription description,
        IReadOnlyDictionary<string, string> environment,
        Func<int> choosePort,
        TimeSpan startupTimeout,
        ILogger logger,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(choosePort);
        var first = await FreePortStart.StartAsync(
            choosePort,
            port => HandlerProcess.StartAsync(scriptRoot, description, environment, port, startupTimeout, logger, cancellationToken),
            e => e is LocalHostConfigurationException { PortTaken: true });
        Task<HandlerProcess> Start(CancellationToken token) =>
            HandlerProcess.StartAsync(scriptRoot, description, environment, first.Port, startupTimeout, logger, token);

        var supervisor = new HandlerSupervisor(first, Start, logger, time) { BaseAddress = first.BaseAddress };
        supervisor._watching = Task.Run(supervisor.WatchAsync, CancellationToken.None);
        return supervisor;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        if (_watching is not null)
        {
            await _watching;
        }

        if (_current is { } current)
        {
            _current = null;
            await current.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task WatchAsync()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        var token = _stopping.Token;
        try
        {
            while (_current is { } current)
            {
                await current.Exited.WaitAsync(token);
                Availability.MarkDown();
                _current = null;
                var processId = current.ProcessId;
                var exitCode = current.ExitCode;
                await current.DisposeAsync();

                var now = _time.GetUtcNow();
                _exits.Enqueue(now);
                while (_exits.Peek() < now - RestartWindow)
                {
                    _exits.Dequeue();
                }

                if (_exits.Count > MaxRestarts)
                {
                    _logger.HandlerGaveUp(_exits.Count, (long)RestartWindow.TotalMinutes);
                    _gaveUp.TrySetResult();
                    return;
                }

                if (backoff.Failures > 0 && _exits.Count == 1)
                {
                    backoff.Reset();
                }

                var delay = backoff.Next();
                _logger.HandlerExitedUnexpectedly(processId, exitCode, _exits.Count, MaxRestarts, (long)delay.TotalMilliseconds);
                _current = await RestartAsync(delay, backoff, token);
                Availability.MarkReady();
                _logger.HandlerRestarted(_current.ProcessId);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private async Task<HandlerProcess> RestartAsync(TimeSpan delay, Backoff backoff, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(delay, _time, cancellationToken);
            try
            {
                return await _start(cancellationToken);
            }
            catch (LocalHostConfigurationException e)
            {
                _logger.HandlerRestartFailed(e);
                delay = backoff.Next();
            }
        }
    }
}
