using System.Diagnostics;
using Centric.LocalHost.Configuration;
using Centric.LocalHost.Invocation;
using Centric.LocalHost.Logging;
using Centric.LocalHost.Resilience;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Timers;

/// <summary>
/// Runs one timer function on its schedule, in UTC, with <see cref="TimeProvider"/> as the clock. Runs never
/// overlap: the next occurrence is computed after a run ends. In Azure a blob lease makes sure one instance
/// runs the timer; the local host is the only instance, so it takes no lease. A run that fails (storage down, the
/// handler restarting) is tried again with capped exponential backoff until it succeeds or the next occurrence comes,
/// logged once when the timer starts failing and once when it recovers.
/// </summary>
public sealed class TimerTrigger(
    TimerFunction function,
    HandlerInvoker invoker,
    TimeSpan functionTimeout,
    TimeProvider timeProvider,
    ILogger logger)
{
    /// <summary>
    /// A run scheduled for <paramref name="scheduled"/> that starts at <paramref name="now"/> is past due when
    /// the following occurrence has already come too: at least one run was missed (the machine slept, the
    /// debugger paused, a previous run overran).
    /// </summary>
    public static bool IsPastDue(CronSchedule schedule, DateTimeOffset scheduled, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.NextAfter(scheduled) is { } following && following <= now;
    }

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var outage = new Outage($"Timer {function.Name}", logger, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        DateTimeOffset? last = null;
        var cursor = timeProvider.GetUtcNow();
        if (function.RunOnStartup)
        {
            await InvokeAsync(outage, last, cursor, false, cancellationToken);
            last = cursor;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            if (function.Schedule.NextAfter(cursor) is not { } next)
            {
                logger.TimerIdle(function.Name, function.Schedule.Expression);
                return;
            }

            logger.TimerScheduled(function.Name, function.Schedule.Expression, next);
            for (var wait = next - timeProvider.GetUtcNow(); wait > TimeSpan.Zero; wait = next - timeProvider.GetUtcNow())
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }

            var now = timeProvider.GetUtcNow();
            await InvokeAsync(outage, last, now, IsPastDue(function.Schedule, next, now), cancellationToken);
            last = now;
            var finished = timeProvider.GetUtcNow();
            cursor = finished > next ? finished : next;
        }
    }

    /// <summary>One scheduled run: invoked, and on failure invoked again after a backoff, as long as the next occurrence has not come.</summary>
    private async Task InvokeAsync(Outage outage, DateTimeOffset? last, DateTimeOffset now, bool isPastDue, CancellationToken cancellationToken)
    {
        var following = function.Schedule.NextAfter(now);
        while (true)
        {
            await invoker.Availability.WaitAsync(cancellationToken);
            var error = await InvokeOnceAsync(last, timeProvider.GetUtcNow(), following ?? now, isPastDue, cancellationToken);
            if (error is null)
            {
                outage.Succeeded();
                return;
            }

            var wait = outage.Failed(new TimerRunFailedException(error));
            if (following is not { } next || timeProvider.GetUtcNow() + wait >= next)
            {
                return;
            }

            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    private async Task<string?> InvokeOnceAsync(DateTimeOffset? last, DateTimeOffset now, DateTimeOffset following, bool isPastDue, CancellationToken cancellationToken)
    {
        var payload = InvocationPayloads.ForTimer(
            function.Name, function.BindingName, new TimerInfo(last, following, now, isPastDue), now, Guid.NewGuid());
        var started = Stopwatch.GetTimestamp();
        var result = await invoker.InvokeAsync(function.Name, payload, functionTimeout, cancellationToken);
        foreach (var line in result.Logs)
        {
            logger.FunctionLog(function.Name, line);
        }

        if (result.Succeeded)
        {
            logger.TimerSucceeded(function.Name, isPastDue, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return null;
        }

        return result.Error ?? "unknown failure";
    }
}
