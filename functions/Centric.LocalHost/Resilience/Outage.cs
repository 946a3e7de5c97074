using System.Diagnostics;
using Centric.LocalHost.Logging;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Resilience;

/// <summary>
/// The failing/recovered state of one loop (a queue's polling, a timer, a message's settlement), logged once per state
/// change rather than once per attempt, with the backoff between attempts.
/// </summary>
public sealed class Outage(string loop, ILogger logger, TimeSpan? initialDelay = null, TimeSpan? maxDelay = null)
{
    private readonly Backoff _backoff = new(initialDelay ?? TimeSpan.FromMilliseconds(500), maxDelay ?? TimeSpan.FromSeconds(30));
    private long _since;

    public bool IsFailing => _backoff.Failures > 0;

    /// <summary>Records a failed attempt (logging only the first of a run) and returns how long to wait.</summary>
    public TimeSpan Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var wait = _backoff.Next();
        if (_backoff.Failures == 1)
        {
            _since = Stopwatch.GetTimestamp();
            logger.LoopFailing(loop, Describe(exception), (long)wait.TotalMilliseconds);
        }

        return wait;
    }

    /// <summary>Records a successful attempt, logging the recovery when it ends a run of failures.</summary>
    public void Succeeded()
    {
        if (_backoff.Failures == 0)
        {
            return;
        }

        logger.LoopRecovered(loop, _backoff.Failures, (long)Stopwatch.GetElapsedTime(_since).TotalSeconds);
        _backoff.Reset();
    }

    /// <summary>The innermost useful message: the SDK wraps "connection refused" in retry aggregates.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var e = exception;
        while (e is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            e = aggregate.InnerExceptions[^1];
        }

        return e.InnerException is { } inner && e is not Azure.RequestFailedException { Status: > 0 }
            ? $"{e.GetType().Name}: {e.Message} ({inner.Message})"
            : $"{e.GetType().Name}: {e.Message}";
    }
}
