using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Logging;

/// <summary>The local host's log lines, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Settings from {Path}")]
    public static partial void SettingsLoaded(this ILogger logger, string path);

    [LoggerMessage(2, LogLevel.Warning, "No local.settings.json found; using the committed sample settings from {Path}. Copy it to local.settings.json to change them")]
    public static partial void SettingsFromSample(this ILogger logger, string path);

    [LoggerMessage(3, LogLevel.Information, "Storage: Azurite already listening on 10000-10002")]
    public static partial void StorageExisting(this ILogger logger);

    [LoggerMessage(4, LogLevel.Information, "Storage: started Azurite on {BlobPort}-{TablePort} with data in {DataDirectory}")]
    public static partial void AzuriteStarted(this ILogger logger, int blobPort, int tablePort, string dataDirectory);

    [LoggerMessage(5, LogLevel.Information, "Storage: {Account}")]
    public static partial void StorageConfigured(this ILogger logger, string account);

    [LoggerMessage(6, LogLevel.Information, "Starting the handler: {Executable} {Arguments} in {WorkingDirectory} on port {Port}")]
    public static partial void HandlerStarting(this ILogger logger, string executable, string arguments, string workingDirectory, int port);

    [LoggerMessage(7, LogLevel.Information, "Handler ready on port {Port} after {ElapsedMs} ms")]
    public static partial void HandlerReady(this ILogger logger, int port, long elapsedMs);

    [LoggerMessage(8, LogLevel.Information, "{Line}")]
    public static partial void HandlerOutput(this ILogger logger, string line);

    [LoggerMessage(9, LogLevel.Warning, "{Line}")]
    public static partial void HandlerError(this ILogger logger, string line);

    [LoggerMessage(10, LogLevel.Information, "Timer {Function}: schedule '{Schedule}', next run {Next:O}")]
    public static partial void TimerScheduled(this ILogger logger, string function, string schedule, DateTimeOffset next);

    [LoggerMessage(11, LogLevel.Information, "Timer {Function} fired (past due: {IsPastDue}), {ElapsedMs} ms")]
    public static partial void TimerSucceeded(this ILogger logger, string function, bool isPastDue, long elapsedMs);

    [LoggerMessage(12, LogLevel.Error, "Timer {Function} failed: {Error}")]
    public static partial void TimerFailed(this ILogger logger, string function, string error);

    [LoggerMessage(13, LogLevel.Information, "Queue {Function} processed message {MessageId} (dequeue count {DequeueCount}) in {ElapsedMs} ms")]
    public static partial void QueueSucceeded(this ILogger logger, string function, string messageId, long dequeueCount, long elapsedMs);

    [LoggerMessage(14, LogLevel.Error, "Queue {Function} failed on message {MessageId} (dequeue count {DequeueCount}): {Error}")]
    public static partial void QueueFailed(this ILogger logger, string function, string messageId, long dequeueCount, string error);

    [LoggerMessage(15, LogLevel.Warning, "Queue {Function}: message {MessageId} moved to {PoisonQueue} after {DequeueCount} dequeues")]
    public static partial void QueuePoisoned(this ILogger logger, string function, string messageId, long dequeueCount, string poisonQueue);

    [LoggerMessage(16, LogLevel.Warning, "Queue {Function}: storage failure on {Queue}")]
    public static partial void QueueStorageFailed(this ILogger logger, Exception exception, string function, string queue);

    [LoggerMessage(17, LogLevel.Information, "{Function}: {Line}")]
    public static partial void FunctionLog(this ILogger logger, string function, string line);

    [LoggerMessage(18, LogLevel.Warning, "Proxying {Method} {Path} to the handler failed")]
    public static partial void ProxyFailed(this ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(19, LogLevel.Information, "Sample: wrote {Container}/{Blob} ({Rows} rows)")]
    public static partial void SampleWritten(this ILogger logger, string container, string blob, long rows);

    [LoggerMessage(20, LogLevel.Information, "Functions: {Http} HTTP, {Queues} queue, {Timers} timer, from {ScriptRoot}")]
    public static partial void FunctionsLoaded(this ILogger logger, int http, int queues, int timers, string scriptRoot);

    [LoggerMessage(21, LogLevel.Information, "Centric local host stopped")]
    public static partial void Stopped(this ILogger logger);

    [LoggerMessage(22, LogLevel.Warning, "Timer {Function}: schedule '{Schedule}' has no next run; the timer stays idle")]
    public static partial void TimerIdle(this ILogger logger, string function, string schedule);

    [LoggerMessage(23, LogLevel.Information, "{Method} {Path} -> {Function} {Status} in {ElapsedMs} ms")]
    public static partial void HttpProxied(this ILogger logger, string method, string path, string function, int status, long elapsedMs);

    [LoggerMessage(24, LogLevel.Warning, "Queue {Queue}: message {MessageId} is not in the queue's message encoding; moved to {PoisonQueue}")]
    public static partial void QueueUndecodable(this ILogger logger, string queue, string messageId, string poisonQueue);

    [LoggerMessage(25, LogLevel.Error, "{Loop} is failing: {Error}; retrying with backoff (next in {RetryMs} ms), logged again when it recovers")]
    public static partial void LoopFailing(this ILogger logger, string loop, string error, long retryMs);

    [LoggerMessage(26, LogLevel.Information, "{Loop} recovered after {Attempts} failed attempts over {Seconds} s")]
    public static partial void LoopRecovered(this ILogger logger, string loop, int attempts, long seconds);

    [LoggerMessage(27, LogLevel.Error, "Azurite (pid {ProcessId}) exited with code {ExitCode}; starting it again on the same ports with data in {DataDirectory}")]
    public static partial void AzuriteExited(this ILogger logger, int processId, int exitCode, string dataDirectory);

    [LoggerMessage(28, LogLevel.Information, "Azurite started again (pid {ProcessId}) on {BlobPort}-{TablePort}")]
    public static partial void AzuriteRestarted(this ILogger logger, int processId, int blobPort, int tablePort);

    [LoggerMessage(29, LogLevel.Error, "The handler (pid {ProcessId}) exited unexpectedly with code {ExitCode}; invocations in flight fail and are retried. Restart {Restart} of {MaxRestarts} in {DelayMs} ms")]
    public static partial void HandlerExitedUnexpectedly(this ILogger logger, int processId, int exitCode, int restart, int maxRestarts, long delayMs);

    [LoggerMessage(30, LogLevel.Information, "Handler restarted (pid {ProcessId})")]
    public static partial void HandlerRestarted(this ILogger logger, int processId);

    [LoggerMessage(31, LogLevel.Critical, "The handler exited {Restarts} times within {WindowMinutes} minutes; giving up")]
    public static partial void HandlerGaveUp(this ILogger logger, int restarts, long windowMinutes);

    [LoggerMessage(32, LogLevel.Warning, "Starting the handler again failed")]
    public static partial void HandlerRestartFailed(this ILogger logger, Exception exception);

    [LoggerMessage(33, LogLevel.Warning, "Starting Azurite again failed: {Error}")]
    public static partial void AzuriteRestartFailed(this ILogger logger, string error);

    [LoggerMessage(34, LogLevel.Warning, "{Method} {Path} refused with 413: the body is over the upload limit of {Limit} bytes")]
    public static partial void ProxyTooLarge(this ILogger logger, string method, string path, long limit);

    [LoggerMessage(35, LogLevel.Warning, "Storage does not answer at start-up ({Error}); the triggers wait for it")]
    public static partial void StorageUnreachableAtStart(this ILogger logger, string error);
}
