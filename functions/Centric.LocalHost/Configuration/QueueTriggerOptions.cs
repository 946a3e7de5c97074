namespace Centric.LocalHost.Configuration;

/// <summary>
/// host.json <c>extensions.queues</c>, with the Functions host's defaults for anything left out
/// (maxPollingInterval defaults to 2 s here, as the host uses locally).
/// </summary>
public sealed record QueueTriggerOptions(
    int BatchSize = 16,
    int NewBatchThreshold = 8,
    int MaxDequeueCount = 5,
    TimeSpan VisibilityTimeout = default,
    TimeSpan? MaxPollingInterval = null,
    bool Base64Encoding = true)
{
    public static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    public TimeSpan PollingCeiling => MaxPollingInterval ?? TimeSpan.FromSeconds(2);
}
