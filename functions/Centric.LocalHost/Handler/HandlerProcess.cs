using System.Diagnostics;
using Centric.LocalHost.Configuration;
using Centric.LocalHost.Logging;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Handler;

/// <summary>
/// The custom handler as a child process, started like the Functions host starts it: host.json's
/// <c>defaultExecutablePath</c> and <c>arguments</c> in <c>workingDirectory</c> (relative to the script root),
/// with the app settings and <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> in its environment. Ready once
/// <c>GET /</c> gets any answer. Disposing kills the whole process tree.
/// </summary>
public sealed class HandlerProcess : IAsyncDisposable
{
    private const int StderrLinesKept = 40;

    private readonly Process _process;
    private readonly Queue<string> _stderr = new();

    private HandlerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Completes when the process exits.</summary>
    public Task Exited => _process.WaitForExitAsync();

    public int ProcessId => _process.Id;

    /// <summary>The exit code once the process has exited, else -1.</summary>
    public int ExitCode => _process.HasExited ? _process.ExitCode : -1;

    public static async Task<HandlerProcess> StartAsync(
        string scriptRoot,
        CustomHandlerDescription description,
        IReadOnlyDictionary<string, string> environment,
        int port,
        TimeSpan startupTimeout,
        ILogger logger,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(environment);
        var workingDirectory = Path.GetFullPath(Path.Combine(scriptRoot, description.WorkingDirectory));
        var start = new ProcessStartInfo(ResolveExecutable(description.ExecutablePath, workingDirectory))
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in description.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        logger.HandlerStarting(start.FileName, string.Join(' ', description.Arguments), workingDirectory, port);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new LocalHostConfigurationException($"The handler {start.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new LocalHostConfigurationException($"The handler {start.FileName} could not be started from {workingDirectory}: {e.Message}", e);
        }

        var handler = new HandlerProcess(process, port);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                logger.HandlerOutput(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                logger.HandlerError(line);
                lock (handler._stderr)
                {
                    handler._stderr.Enqueue(line);
                    if (handler._stderr.Count > StderrLinesKept)
                    {
                        handler._stderr.Dequeue();
                    }
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await handler.WaitUntilReadyAsync(startupTimeout, logger, cancellationToken);
        }
        catch
        {
            await handler.DisposeAsync();
            throw;
        }

        return handler;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken);
                var stderr = StderrTail();
                throw new LocalHostConfigurationException(
                    $"The handler exited with code {_process.ExitCode} before answering GET / on port {Port}.{stderr}")
                {
                    PortTaken = FreePortStart.SaysAddressInUse(stderr),
                };
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
                logger.HandlerReady(Port, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new LocalHostConfigurationException(
                    $"The handler did not answer GET / on port {Port} within {timeout.TotalSeconds:0} s. It must listen on FUNCTIONS_CUSTOMHANDLER_PORT.{StderrTail()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private string StderrTail()
    {
        lock (_stderr)
        {
            return _stderr.Count == 0 ? " It wrote nothing to stderr." : Environment.NewLine + "stderr:" + Environment.NewLine + string.Join(Environment.NewLine, _stderr);
        }
    }

    /// <summary>
    /// A path relative to the working directory when such a file exists; <c>dotnet</c> is the SDK's own host when
    /// known (DOTNET_HOST_PATH); otherwise the name is looked up on PATH.
    /// </summary>
    private static string ResolveExecutable(string executable, string workingDirectory)
    {
        var local = Path.Combine(workingDirectory, executable);
        if (File.Exists(local))
        {
            return local;
        }

        if (string.Equals(executable, "dotnet", StringComparison.OrdinalIgnoreCase) &&
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return executable;
    }
}
