using System.Text.Json;
using Azure.Storage.Queues;
using Centric.Storage.Connection;

namespace Centric.Storage.Queues;

/// <summary>Sends work items to the <c>ingest</c> and <c>recompute</c> queues (base64 JSON, as the host reads them).</summary>
public sealed class WorkQueues(StorageClients clients)
{
    private readonly QueueClient _ingest = clients.Queues.GetQueueClient(clients.Names.IngestQueue);
    private readonly QueueClient _recompute = clients.Queues.GetQueueClient(clients.Names.RecomputeQueue);

    public async Task SendAsync(IngestMessage message, CancellationToken cancellationToken = default) =>
        await _ingest.SendMessageAsync(JsonSerializer.Serialize(message, MessageJsonContext.Default.IngestMessage), cancellationToken);

    public async Task SendAsync(RecomputeMessage message, CancellationToken cancellationToken = default) =>
        await _recompute.SendMessageAsync(JsonSerializer.Serialize(message, MessageJsonContext.Default.RecomputeMessage), cancellationToken);

    /// <summary>Sends <paramref name="message"/> to be delivered no sooner than <paramref name="delay"/> from now.</summary>
    public async Task SendAsync(RecomputeMessage message, TimeSpan delay, CancellationToken cancellationToken = default) =>
        await _recompute.SendMessageAsync(
            JsonSerializer.Serialize(message, MessageJsonContext.Default.RecomputeMessage), delay, cancellationToken: cancellationToken);
}
