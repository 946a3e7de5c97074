using Azure.Storage.Queues;
using Centric.LocalHost.Tests.Support;
using Centric.Testing;

namespace Centric.LocalHost.Tests.Queues;

/// <summary>
/// How many messages of one queue the local host hands to the handler at once, as the Functions host does from
/// host.json: with the app's settings (batchSize 1, newBatchThreshold 0) one at a time, so a compute, a partition of a
/// fanned-out compute or an ingestion never shares an instance's memory with another of its queue; with the Functions
/// host's defaults (16 and 8) several at once.
/// </summary>
public class QueueConcurrencyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Messages = 6;

    [Theory]
    [InlineData(1, 0, 1, 1)]
    [InlineData(16, 8, 2, Messages)]
    public async Task MessagesOfOneQueue_AreHandledAtOnce_UpToTheBatchSettings(int batchSize, int newBatchThreshold, int fewest, int most)
    {
        var queueName = AzuriteFixture.UniqueName("recompute");
        var hostJson = ScriptRootBuilder.DefaultHostJson
            .Replace("\"batchSize\": 16, \"newBatchThreshold\": 8", $"\"batchSize\": {batchSize}, \"newBatchThreshold\": {newBatchThreshold}", StringComparison.Ordinal);
        Assert.Contains($"\"batchSize\": {batchSize},", hostJson, StringComparison.Ordinal);
        using var root = new ScriptRootBuilder(hostJson).Queue("ComputeMetrics", queueName);
        await using var handler = await RecordingHandler.StartAsync();
        var running = 0;
        var mostAtOnce = 0;
        var respond = handler.Respond;
        handler.Respond = async (request, context) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await Task.Delay(400);
            Interlocked.Decrement(ref running);
            await respond(request, context);
        };
        var queue = new QueueClient(azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        for (var i = 0; i < Messages; i++)
        {
            await queue.SendMessageAsync($$"""{"dataset":"d{{i}}"}""");
        }

        await using var host = await HostRunner.StartAsync(root, azurite, handler);
        await handler.WaitForAsync("/ComputeMetrics", Messages, seconds: 30);

        Assert.InRange(Volatile.Read(ref mostAtOnce), fewest, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
