using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Tests.Support;

/// <summary>Keeps every log event, so a test can wait for a component to reach a known point.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(EventId Event, string Message)> _events = new();

    public IReadOnlyList<(EventId Event, string Message)> Events => [.. _events];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _events.Enqueue((eventId, formatter(state, exception)));
    }

    /// <summary>Waits until <paramref name="count"/> events named <paramref name="name"/> were logged (10 s at most).</summary>
    public async Task WaitForAsync(string name, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Events.Count(e => e.Event.Name == name) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} '{name}' log events.");
            }

            await Task.Delay(10);
        }
    }
}
