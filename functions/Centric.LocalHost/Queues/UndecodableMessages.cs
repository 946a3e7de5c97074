using Azure.Storage.Queues;
using Centric.LocalHost.Logging;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Queues;

/// <summary>
/// A message that is not valid in the queue's encoding (plain text in a base64 queue) can never be processed:
/// as the Functions host does, it goes straight to <c>{queue}-poison</c>, body as received, and leaves the queue.
/// </summary>
public static class UndecodableMessages
{
    public static async Task MoveToPoisonAsync(QueueMessageDecodingFailedEventArgs args, QueueServiceClient queues, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(queues);
        if (args.ReceivedMessage is not { } message)
        {
            return;
        }

        var poisonName = args.Queue.Name + "-poison";
        await queues.GetQueueClient(poisonName).SendMessageAsync(message.Body, cancellationToken: args.CancellationToken);
        await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
        logger.QueueUndecodable(args.Queue.Name, message.MessageId, poisonName);
    }
}
