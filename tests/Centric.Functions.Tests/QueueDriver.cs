using Azure.Storage.Queues;
using Centric.Storage.Connection;

namespace Centric.Functions.Tests;

/// <summary>
/// Delivers the work queues' messages to the in-process handler in the real wire shape until both queues are empty,
/// deleting a message only when the handler answered 200. The full host behaviour (polling, visibility, poison
/// queues) is the local host's and is tested there.
/// </summary>
public static class QueueDriver
{
    public static async Task<IReadOnlyList<(string Function, int Status)>> DrainAsync(HttpClient client, StorageClients storage)
    {
        var invocations = new List<(string, int)>();
        var queues = new (QueueClient Queue, string Function)[]
        {
            (storage.Queues.GetQueueClient(storage.Names.IngestQueue), "IngestExport"),
            (storage.Queues.GetQueueClient(storage.Names.RecomputeQueue), "ComputeMetrics"),
        };
        for (var round = 0; round < 50; round++)
        {
            var delivered = false;
            foreach (var (queue, function) in queues)
            {
                var messages = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(1))).Value;
                foreach (var message in messages)
                {
                    delivered = true;
                    var (response, _) = await Invocation.PostAsync(
                        client, function, Invocation.Queue(function, message.Body.ToString(), (int)message.DequeueCount, Invocation.Shape.Real));
                    invocations.Add((function, (int)response.StatusCode));
                    if (response.IsSuccessStatusCode)
                    {
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    }
                }
            }

            if (!delivered)
            {
                return invocations;
            }
        }

        throw new InvalidOperationException("The queues did not drain in 50 rounds.");
    }
}
