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

    [LoggerMessage(4, LogLevel.Information, "Storage: started Azurite on 10000-10002 with data in {DataDirectory}")]
    public static partial void AzuriteStarted(this ILogger logger, string dataDirectory);

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
}
