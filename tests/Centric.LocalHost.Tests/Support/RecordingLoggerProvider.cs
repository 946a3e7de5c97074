using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Tests.Support;

/// <summary>Sends every category's log events to one <see cref="RecordingLogger"/>.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    public RecordingLogger Logger { get; } = new();

    public ILogger CreateLogger(string categoryName) => Logger;

    public void Dispose()
    {
    }
}
