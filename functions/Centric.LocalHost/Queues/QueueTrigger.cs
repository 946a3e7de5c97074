using System.Diagnostics;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Centric.LocalHost.Configuration;
using Centric.LocalHost.Invocation;
using Centric.LocalHost.Logging;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Queues;

/// <summary>
/// Drains one queue for one function the way the Functions queue extension does: fetches
/// <c>batchSize</c> messages whenever no more than <c>newBatchThreshold</c> are in flight, backs off from
/// 100 ms doubling to <c>maxPollingInterval</c> while the queue is empty, deletes a message on success, makes it
/// visible again after <c>visibilityTimeout</c> on failure, and after <c>maxDequeueCount</c> failed dequeues
/// moves its body, unchanged, to <c>{queue}-poison</c>.
/// </summary>
public sealed class QueueTrigger(
    QueueFunction function,
    QueueServiceClient queues,
    QueueTriggerOptions options,
    HandlerInvoker invoker,
    TimeSpan functionTimeout,
    TimeProvider timeProvider,
    ILogger logger)
{
    private readonly QueueClient _queue = queues.GetQueueClient(function.QueueName);
    private readonly QueueClient _poison = queues.GetQueueClient(function.PoisonQueueName);

    /// <summary>The storage service hands out at most 32 messages per receive; so does the Functions host.</summary>
    private int BatchSize => Math.Clamp(options.BatchSize, 1, 32);

    /// <summary>Long enough that a message stays hidden while the function runs (it cannot outlive the timeout).</summary>
    private TimeSpan ReceiveVisibility => functionTimeout + TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var inFlight = new List<Task>();
        var delay = QueueTriggerOptions.MinPollingInterval;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                inFlight.RemoveAll(task => task.IsCompleted);
                if (inFlight.Count > options.NewBatchThreshold)
                {
                    await Task.WhenAny(inFlight).WaitAsync(cancellationToken);
                    continue;
                }

                QueueMessage[] messages;
                try
                {
                    messages = (await _queue.ReceiveMessagesAsync(BatchSize, ReceiveVisibility, cancellationToken)).Value;
                }
                catch (RequestFailedException e)
                {
                    logger.QueueStorageFailed(e, function.Name, function.QueueName);
                    messages = [];
                }

                if (messages.Length == 0)
                {
                    await Task.Delay(delay, timeProvider, cancellationToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.PollingCeiling.Ticks));
                    continue;
                }

                delay = QueueTriggerOptions.MinPollingInterval;
                foreach (var message in messages)
                {
                    inFlight.Add(ProcessAsync(message, cancellationToken));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(inFlight);
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                await PoisonAsync(message, cancellationToken);
                return;
            }

            var payload = InvocationPayloads.ForQueueMessage(function.Name, function.BindingName, message, timeProvider.GetUtcNow(), Guid.NewGuid());
            var started = Stopwatch.GetTimestamp();
            var result = await invoker.InvokeAsync(function.Name, payload, functionTimeout, cancellationToken);
            foreach (var line in result.Logs)
            {
                logger.FunctionLog(function.Name, line);
            }

            if (result.Succeeded)
            {
                await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                logger.QueueSucceeded(function.Name, message.MessageId, message.DequeueCount, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return;
            }

            logger.QueueFailed(function.Name, message.MessageId, message.DequeueCount, result.Error ?? "unknown failure");
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await PoisonAsync(message, cancellationToken);
            }
            else
            {
                await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, messageText: null, visibilityTimeout: options.VisibilityTimeout, cancellationToken: cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-invocation: hand the message back at once rather than after the receive visibility.
            await ReleaseAsync(message);
        }
        catch (RequestFailedException e)
        {
            logger.QueueStorageFailed(e, function.Name, function.QueueName);
        }
    }

    private async Task PoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await _poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        logger.QueuePoisoned(function.Name, message.MessageId, message.DequeueCount, function.PoisonQueueName);
    }

    private async Task ReleaseAsync(QueueMessage message)
    {
        try
        {
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, messageText: null, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException e)
        {
            logger.QueueStorageFailed(e, function.Name, function.QueueName);
        }
    }
}
