using System.Diagnostics;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Centric.LocalHost.Configuration;
using Centric.LocalHost.Invocation;
using Centric.LocalHost.Logging;
using Centric.LocalHost.Resilience;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Queues;

/// <summary>
/// Drains one queue for one function the way the Functions queue extension does: fetches
/// <c>batchSize</c> messages whenever no more than <c>newBatchThreshold</c> are in flight, backs off from
/// 100 ms doubling to <c>maxPollingInterval</c> while the queue is empty, deletes a message on success, makes it
/// visible again after <c>visibilityTimeout</c> on failure, and after <c>maxDequeueCount</c> failed dequeues
/// moves its body, unchanged, to <c>{queue}-poison</c>. A received message is hidden for <see cref="LeaseTime"/> and the
/// lease is renewed while its function runs, so a receive whose answer was lost (storage frozen mid-request) hides its
/// messages for that long only, not for the function timeout. Storage that fails or goes away (Azurite restarting) never
/// stops the loop: polling and each message's settlement retry with capped exponential backoff, logged once when
/// they start failing and once when they recover; a queue that came back empty is created again. Work is taken only
/// while the handler is up.
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

    /// <summary>How long a received message stays hidden; renewed every third of it while its function runs.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);

    private static TimeSpan ReceiveVisibility => LeaseTime;

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var inFlight = new List<Task>();
        var delay = QueueTriggerOptions.MinPollingInterval;
        var polling = new Outage($"Queue {function.Name}: polling {function.QueueName}", logger);
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

                await invoker.Availability.WaitAsync(cancellationToken);
                QueueMessage[] messages;
                try
                {
                    messages = (await _queue.ReceiveMessagesAsync(BatchSize, ReceiveVisibility, cancellationToken)).Value;
                    polling.Succeeded();
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    var wait = polling.Failed(e);
                    await RecreateIfGoneAsync(e, cancellationToken);
                    await Task.Delay(wait, timeProvider, cancellationToken);
                    continue;
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
        var receipt = new StrongBox<string>(message.PopReceipt);
        try
        {
            await Task.Yield();
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                await PoisonAsync(message, message.PopReceipt, cancellationToken);
                return;
            }

            var payload = InvocationPayloads.ForQueueMessage(function.Name, function.BindingName, message, timeProvider.GetUtcNow(), Guid.NewGuid());
            var started = Stopwatch.GetTimestamp();
            InvocationResult result;
            using (var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var renewal = RenewAsync(message.MessageId, receipt, renewing.Token);
                try
                {
                    result = await invoker.InvokeAsync(function.Name, payload, functionTimeout, cancellationToken);
                }
                finally
                {
                    await renewing.CancelAsync();
                    await renewal;
                }
            }

            foreach (var line in result.Logs)
            {
                logger.FunctionLog(function.Name, line);
            }

            if (result.Succeeded)
            {
                await SettleAsync(message, "deleting", ct => _queue.DeleteMessageAsync(message.MessageId, receipt.Value, ct), cancellationToken);
                logger.QueueSucceeded(function.Name, message.MessageId, message.DequeueCount, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return;
            }

            logger.QueueFailed(function.Name, message.MessageId, message.DequeueCount, result.Error ?? "unknown failure");
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await PoisonAsync(message, receipt.Value!, cancellationToken);
            }
            else
            {
                await SettleAsync(
                    message,
                    "releasing for retry",
                    ct => _queue.UpdateMessageAsync(message.MessageId, receipt.Value, messageText: null, visibilityTimeout: options.VisibilityTimeout, cancellationToken: ct),
                    cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-invocation: hand the message back at once rather than after the receive visibility.
            await ReleaseAsync(message, receipt.Value!);
        }
    }

    /// <summary>
    /// Deletes, releases or poisons a message, retrying while storage is unreachable until the message's receive
    /// visibility runs out (after which storage hands it out again anyway, so nothing is lost). A message that is
    /// no longer there (404: settled already, or its pop receipt expired) needs nothing more.
    /// </summary>
    private async Task SettleAsync(QueueMessage message, string action, Func<CancellationToken, Task> settle, CancellationToken cancellationToken)
    {
        var outage = new Outage($"Queue {function.Name}: {action} message {message.MessageId}", logger);
        var deadline = timeProvider.GetUtcNow() + ReceiveVisibility;
        while (true)
        {
            try
            {
                await settle(cancellationToken);
                outage.Succeeded();
                return;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                outage.Succeeded();
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not InvalidOperationException)
            {
                var wait = outage.Failed(e);
                if (timeProvider.GetUtcNow() + wait > deadline)
                {
                    logger.QueueStorageFailed(e, function.Name, function.QueueName);
                    return;
                }

                await Task.Delay(wait, timeProvider, cancellationToken);
            }
        }
    }

    private async Task RecreateIfGoneAsync(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RequestFailedException { Status: 404 })
        {
            return;
        }

        try
        {
            await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException)
        {
            // Polling reports the outage; it tries again after the backoff.
        }
    }

    /// <summary>Copies the body to the poison queue, then deletes the message: each step retried on its own, so a retry never sends the copy twice.</summary>
    private async Task PoisonAsync(QueueMessage message, string popReceipt, CancellationToken cancellationToken)
    {
        await SettleAsync(message, "copying to the poison queue", ct => _poison.SendMessageAsync(message.Body, cancellationToken: ct), cancellationToken);
        await SettleAsync(message, "deleting after poisoning", ct => _queue.DeleteMessageAsync(message.MessageId, popReceipt, ct), cancellationToken);
        logger.QueuePoisoned(function.Name, message.MessageId, message.DequeueCount, function.PoisonQueueName);
    }

    /// <summary>
    /// Keeps a message hidden while its function runs: every third of <see cref="LeaseTime"/> its visibility is set to
    /// <see cref="LeaseTime"/> again, and the new pop receipt kept for settling it. A renewal storage does not answer is
    /// tried again at the next tick; should the lease lapse, the message is delivered again, which the functions allow.
    /// </summary>
    private async Task RenewAsync(string messageId, StrongBox<string> receipt, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseTime / 3, timeProvider, cancellationToken);
                try
                {
                    var renewed = await _queue.UpdateMessageAsync(messageId, receipt.Value, messageText: null, visibilityTimeout: LeaseTime, cancellationToken: cancellationToken);
                    receipt.Value = renewed.Value.PopReceipt;
                }
                catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // Storage did not answer: the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReleaseAsync(QueueMessage message, string popReceipt)
    {
        try
        {
            await _queue.UpdateMessageAsync(message.MessageId, popReceipt, messageText: null, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException)
        {
            logger.QueueStorageFailed(e, function.Name, function.QueueName);
        }
    }
}
