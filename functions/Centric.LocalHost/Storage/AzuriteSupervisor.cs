using Centric.LocalHost.Logging;
using Centric.LocalHost.Resilience;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Storage;

/// <summary>
/// Keeps the Azurite the local host started running: when it exits (a crash, a kill) it is started again on the same
/// ports with the same data folder, with backoff while that fails, so the triggers, which retry on their own, pick up
/// where they left off. Disposing stops watching and kills it.
/// </summary>
public sealed class AzuriteSupervisor : IAsyncDisposable
{
    private readonly string _repositoryRoot;
    private readonly string _dataDirectory;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private AzuriteProcess? _current;
    private Task? _watching;

    private AzuriteSupervisor(AzuriteProcess first, string repositoryRoot, string dataDirectory, ILogger logger)
    {
        _current = first;
        BlobPort = first.BlobPort;
        QueuePort = first.QueuePort;
        TablePort = first.TablePort;
        _repositoryRoot = repositoryRoot;
        _dataDirectory = dataDirectory;
        _logger = logger;
    }

    /// <summary>The running Azurite's process id (null while it is being restarted).</summary>
    public int? ProcessId => _current?.ProcessId;

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>The connection string for the ports it keeps Azurite on.</summary>
    public string ConnectionString => AzuriteProcess.ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static async Task<AzuriteSupervisor> StartAsync(
        string repositoryRoot, int blobPort, int queuePort, int tablePort, string dataDirectory, ILogger logger, CancellationToken cancellationToken = default) =>
        Watch(await AzuriteProcess.StartAsync(repositoryRoot, blobPort, queuePort, tablePort, dataDirectory, cancellationToken), repositoryRoot, dataDirectory, logger);

    /// <summary>Starts Azurite on ports nobody listens on (see <see cref="AzuriteProcess.StartOnFreePortsAsync(string, string?, CancellationToken)"/>) and keeps it on them.</summary>
    public static async Task<AzuriteSupervisor> StartOnFreePortsAsync(
        string repositoryRoot, string dataDirectory, ILogger logger, CancellationToken cancellationToken = default) =>
        Watch(await AzuriteProcess.StartOnFreePortsAsync(repositoryRoot, dataDirectory, cancellationToken), repositoryRoot, dataDirectory, logger);

    private static AzuriteSupervisor Watch(AzuriteProcess first, string repositoryRoot, string dataDirectory, ILogger logger)
    {
        var supervisor = new AzuriteSupervisor(first, repositoryRoot, dataDirectory, logger);
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
        var token = _stopping.Token;
        var restarts = new Outage("Restarting Azurite", _logger, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(15));
        try
        {
            while (_current is { } current)
            {
                await current.Exited.WaitAsync(token);
                var (blob, queue, table) = (current.BlobPort, current.QueuePort, current.TablePort);
                _logger.AzuriteExited(current.ProcessId, current.ExitCode, _dataDirectory);
                _current = null;
                await current.DisposeAsync();
                while (_current is null)
                {
                    try
                    {
                        _current = await AzuriteProcess.StartAsync(_repositoryRoot, blob, queue, table, _dataDirectory, token);
                        restarts.Succeeded();
                        _logger.AzuriteRestarted(_current.ProcessId, blob, table);
                    }
                    catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or System.ComponentModel.Win32Exception)
                    {
                        await Task.Delay(restarts.Failed(e), token);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}
