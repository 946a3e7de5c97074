using System.Diagnostics;

namespace Centric.Cli.Bench;

/// <summary>
/// The highest working set of this process while one stage of a benchmark runs, sampled every 20 ms on a background
/// thread (the process's own peak only ever grows, so it cannot tell one kind's run from the next), and the highest
/// size of the .NET heap among it (garbage not yet collected included): the rest of the working set is native memory,
/// mostly DuckDB's.
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Thread _thread;
    private volatile bool _stopped;
    private long _peak;
    private long _managedPeak;

    private PeakMemory()
    {
        _peak = _process.WorkingSet64;
        _thread = new Thread(Sample) { IsBackground = true, Name = "bench-peak-memory" };
        _thread.Start();
    }

    /// <summary>Starts sampling, after a full collection so garbage of an earlier stage does not count.</summary>
    public static PeakMemory Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new PeakMemory();
    }

    /// <summary>The highest working set seen so far, MiB.</summary>
    public double PeakMb
    {
        get
        {
            Observe();
            return Math.Round(Interlocked.Read(ref _peak) / (1024.0 * 1024.0), 1);
        }
    }

    /// <summary>The highest size of the .NET heap seen so far, MiB.</summary>
    public double ManagedPeakMb
    {
        get
        {
            Observe();
            return Math.Round(Interlocked.Read(ref _managedPeak) / (1024.0 * 1024.0), 1);
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
        _process.Dispose();
    }

    private void Sample()
    {
        while (!_stopped)
        {
            Observe();
            Thread.Sleep(20);
        }
    }

    private void Observe()
    {
        lock (_process)
        {
            _process.Refresh();
            var now = _process.WorkingSet64;
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }

            var managed = GC.GetTotalMemory(forceFullCollection: false);
            if (managed > Interlocked.Read(ref _managedPeak))
            {
                Interlocked.Exchange(ref _managedPeak, managed);
            }
        }
    }
}
