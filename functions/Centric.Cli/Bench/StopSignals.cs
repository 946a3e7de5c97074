using System.Runtime.InteropServices;

namespace Centric.Cli.Bench;

/// <summary>
/// Ctrl+C and SIGTERM as a cancellation for a run that starts processes (the handler, Azurite, wrk): the signal cancels
/// <see cref="Token"/> instead of ending the process, so the run stops them as it unwinds and nothing is left running.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;

    public StopSignals()
    {
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>True once a signal asked the run to stop.</summary>
    public bool Requested => _stop.IsCancellationRequested;

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _stop.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }
}
