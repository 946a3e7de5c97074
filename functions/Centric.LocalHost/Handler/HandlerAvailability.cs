namespace Centric.LocalHost.Handler;

/// <summary>
/// Whether the handler can take invocations now. Triggers wait for it before they take work; the HTTP proxy answers
/// 503 while it is down instead of hanging. A handler the host did not start is always available.
/// </summary>
public sealed class HandlerAvailability
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static HandlerAvailability Always()
    {
        var availability = new HandlerAvailability();
        availability.MarkReady();
        return availability;
    }

    public bool IsReady
    {
        get
        {
            lock (_lock)
            {
                return _ready.Task.IsCompleted;
            }
        }
    }

    /// <summary>Completes when the handler is (or becomes) ready.</summary>
    public Task WaitAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return _ready.Task.WaitAsync(cancellationToken);
        }
    }

    internal void MarkReady()
    {
        lock (_lock)
        {
            _ready.TrySetResult();
        }
    }

    internal void MarkDown()
    {
        lock (_lock)
        {
            if (_ready.Task.IsCompleted)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
