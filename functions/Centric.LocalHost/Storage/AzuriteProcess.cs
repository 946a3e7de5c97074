using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Centric.LocalHost.Storage;

/// <summary>
/// Azurite (blob, queue, table) started from the repository's <c>node_modules</c>, as a child process
/// that dies with its owner. Used by the local host when no storage is configured, and by the tests.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The emulator's published development account key: not a secret, valid only on Azurite.</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string DevelopmentAccountName = "devstoreaccount1";

    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(5);

    /// <summary>How many of Azurite's last output lines an error quotes.</summary>
    private const int OutputLinesKept = 10;

    private readonly Process _process;
    private readonly bool _persisted;
    private readonly Queue<string> _output = new();

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort, bool persisted)
    {
        _process = process;
        _persisted = persisted;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public int ProcessId => _process.Id;

    /// <summary>Completes when the process exits.</summary>
    public Task Exited => _process.WaitForExitAsync();

    /// <summary>The exit code once the process has exited, else -1.</summary>
    public int ExitCode => _process.HasExited ? _process.ExitCode : -1;

    /// <summary>The connection string for an Azurite listening on the given loopback ports.</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{DevelopmentAccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{DevelopmentAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{DevelopmentAccountName};";

    /// <summary>
    /// Starts Azurite. <paramref name="dataDirectory"/> null keeps everything in memory (tests);
    /// otherwise data persists there (the local host uses <c>.azurite/</c>).
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(
        string repositoryRoot,
        int blobPort,
        int queuePort,
        int tablePort,
        string? dataDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException(
                $"Azurite is not installed at {script}. Run 'npm ci' in {repositoryRoot} first.", script);
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repositoryRoot,
        };
        start.ArgumentList.Add(script);
        foreach (var (name, value) in new[]
                 {
                     ("--blobHost", "127.0.0.1"), ("--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                     ("--queueHost", "127.0.0.1"), ("--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                     ("--tableHost", "127.0.0.1"), ("--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                 })
        {
            start.ArgumentList.Add(name);
            start.ArgumentList.Add(value);
        }

        start.ArgumentList.Add("--skipApiVersionCheck");
        start.ArgumentList.Add("--disableProductStyleUrl");
        start.ArgumentList.Add("--silent");
        if (dataDirectory is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataDirectory);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var azurite = new AzuriteProcess(process, blobPort, queuePort, tablePort, dataDirectory is not null);
        process.OutputDataReceived += azurite.Keep;
        process.ErrorDataReceived += azurite.Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(IsListening(blobPort) && IsListening(queuePort) && IsListening(tablePort)))
            {
                if (process.HasExited)
                {
                    // The exit is seen before the last lines are read: waiting for the end of the output streams gets them.
                    await process.WaitForExitAsync(cancellationToken);
                    var output = azurite.OutputTail();
                    throw new AzuriteExitedException(
                        $"Azurite exited with code {process.ExitCode} before listening on {blobPort}/{queuePort}/{tablePort}.{output}",
                        addressInUse: FreePortStart.SaysAddressInUse(output));
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("Azurite did not listen within 30 seconds.");
                }

                await Task.Delay(100, cancellationToken);
            }
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    /// <summary>
    /// Starts Azurite on loopback ports nobody listens on. Between choosing a free port and Azurite binding it another
    /// process can take it (tests and benches start several servers at once); Azurite then exits with EADDRINUSE, and
    /// this chooses again (<see cref="FreePortStart"/>).
    /// </summary>
    public static Task<AzuriteProcess> StartOnFreePortsAsync(
        string repositoryRoot, string? dataDirectory = null, CancellationToken cancellationToken = default) =>
        StartOnFreePortsAsync(repositoryRoot, dataDirectory, () => FreePorts(3), cancellationToken);

    /// <summary><see cref="StartOnFreePortsAsync(string, string?, CancellationToken)"/> with the ports chosen by <paramref name="choosePorts"/>.</summary>
    internal static Task<AzuriteProcess> StartOnFreePortsAsync(
        string repositoryRoot, string? dataDirectory, Func<int[]> choosePorts, CancellationToken cancellationToken) =>
        FreePortStart.StartAsync(
            choosePorts,
            ports => StartAsync(repositoryRoot, ports[0], ports[1], ports[2], dataDirectory, cancellationToken),
            e => e is AzuriteExitedException { AddressInUse: true });

    /// <summary>Whether something accepts TCP connections on the loopback port.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort() => FreePorts(1)[0];

    /// <summary>
    /// <paramref name="count"/> different loopback ports nobody listens on right now. Each is held until all are found:
    /// a port let go can be the next one the system hands out, and Azurite's three services on one port fail to start.
    /// </summary>
    public static int[] FreePorts(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>
    /// Stops Azurite. One that persists its data is asked first (SIGTERM: it writes its data folder, which it otherwise
    /// does only every 5 s) and killed if it has not exited within <see cref="GracefulStop"/>; one in memory is killed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            if (_persisted && !OperatingSystem.IsWindows() && await SignalAsync(_process.Id, "TERM"))
            {
                using var grace = new CancellationTokenSource(GracefulStop);
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }

            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void Keep(object sender, DataReceivedEventArgs line)
    {
        if (line.Data is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line.Data);
            if (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }

    private string OutputTail()
    {
        lock (_output)
        {
            return _output.Count == 0
                ? " It wrote nothing."
                : Environment.NewLine + "Azurite wrote:" + Environment.NewLine + string.Join(Environment.NewLine, _output);
        }
    }

    /// <summary>Sends a POSIX signal with kill(1): <see cref="Process"/> sends no signal but SIGKILL.</summary>
    private static async Task<bool> SignalAsync(int processId, string signal)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                UseShellExecute = false,
            });
            if (kill is null)
            {
                return false;
            }

            await kill.WaitForExitAsync();
            return kill.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
