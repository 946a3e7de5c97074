using System.Text.Json;
using Azure.Storage.Queues;
using Centric.LocalHost.Tests.Support;
using Centric.Testing;

namespace Centric.LocalHost.Tests.Queues;

public class QueueTriggerWireTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task QueueMessage_ReachesTheHandlerInTheHostsRealShape_AndIsDeletedOnSuccess()
    {
        var queueName = AzuriteFixture.UniqueName("ingest");
        using var root = new ScriptRootBuilder().Queue("IngestExport", queueName);
        await using var handler = await RecordingHandler.StartAsync();
        await using var host = await HostRunner.StartAsync(root, azurite, handler);
        var queue = new QueueClient(azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var sent = await queue.SendMessageAsync("""{"a":1}""");

        var request = (await handler.WaitForAsync("/IngestExport"))[0];

        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        // Serialised twice: the wire carries "message":"\"{\\\"a\\\":1}\"".
        Assert.Contains("\"message\":\"\\\"{\\\\\\\"a\\\\\\\":1}\\\"\"", request.BodyText, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var data = body.RootElement.GetProperty("Data");
        Assert.Equal(["message"], data.EnumerateObject().Select(p => p.Name));
        var literal = data.GetProperty("message").GetString()!;
        Assert.Equal("\"{\\\"a\\\":1}\"", literal);
        Assert.Equal("""{"a":1}""", JsonSerializer.Deserialize<string>(literal));

        var metadata = body.RootElement.GetProperty("Metadata");
        Assert.Equal(
            ["DequeueCount", "ExpirationTime", "Id", "InsertionTime", "NextVisibleTime", "PopReceipt", "sys"],
            metadata.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.String, metadata.GetProperty("DequeueCount").ValueKind);
        Assert.Equal("1", metadata.GetProperty("DequeueCount").GetString());
        Assert.Equal("\"" + sent.Value.MessageId + "\"", metadata.GetProperty("Id").GetString());
        Assert.Equal(sent.Value.InsertionTime, JsonSerializer.Deserialize<DateTimeOffset>(metadata.GetProperty("InsertionTime").GetString()!));
        Assert.Equal(sent.Value.ExpirationTime, JsonSerializer.Deserialize<DateTimeOffset>(metadata.GetProperty("ExpirationTime").GetString()!));
        Assert.StartsWith("\"", metadata.GetProperty("PopReceipt").GetString(), StringComparison.Ordinal);

        var sys = metadata.GetProperty("sys");
        Assert.Equal("IngestExport", sys.GetProperty("MethodName").GetString());
        Assert.True(sys.GetProperty("UtcNow").TryGetDateTime(out var utcNow));
        Assert.InRange(utcNow, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.True(Guid.TryParse(sys.GetProperty("RandGuid").GetString(), out _));

        await WaitUntilEmptyAsync(queue);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task QueueMessage_WithQuotesAndAccents_SurvivesTheDoubleEncoding()
    {
        var queueName = AzuriteFixture.UniqueName("ingest");
        using var root = new ScriptRootBuilder().Queue("IngestExport", queueName);
        await using var handler = await RecordingHandler.StartAsync();
        await using var host = await HostRunner.StartAsync(root, azurite, handler);
        var queue = new QueueClient(azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        const string text = """{"blob":"exports/señal/orders/\"q\".csv","path":"a\\b"}""";
        await queue.SendMessageAsync(text);

        var request = (await handler.WaitForAsync("/IngestExport"))[0];

        using var body = JsonDocument.Parse(request.Body);
        var literal = body.RootElement.GetProperty("Data").GetProperty("message").GetString()!;
        Assert.Equal(text, JsonSerializer.Deserialize<string>(literal));
    }

    private static async Task WaitUntilEmptyAsync(QueueClient queue)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Queue {queue.Name} still holds messages.");
    }
}
