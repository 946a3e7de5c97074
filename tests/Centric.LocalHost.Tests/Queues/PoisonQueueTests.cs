using System.Text;
using Azure.Storage.Queues;
using Centric.LocalHost.Tests.Support;
using Centric.Testing;
using Microsoft.AspNetCore.Http;

namespace Centric.LocalHost.Tests.Queues;

public sealed class PoisonQueueTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _running = [];
    private readonly List<ScriptRootBuilder> _roots = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var running in _running.AsEnumerable().Reverse())
        {
            await running.DisposeAsync();
        }

        _roots.ForEach(root => root.Dispose());
    }

    [Fact]
    public async Task FailingMessage_AfterFiveDequeues_MovesToPoisonWithItsBodyIntact()
    {
        var (queue, poison, handler, _) = await RunWithHandlerAsync(static async (_, context) =>
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("""{"Outputs":{},"Logs":["storage down"],"ReturnValue":null}""");
        });

        var poisoned = await WaitForPoisonAsync(poison);

        Assert.Equal("""{"blob":"exports/acme/orders/o.csv","etag":"0x1"}""", poisoned);
        Assert.Equal(5, handler.Requests.Count(r => r.Path == "/IngestExport"));
        Assert.Equal(
            ["1", "2", "3", "4", "5"],
            handler.Requests.Select(DequeueCount));
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task OkWithABodyThatIsNotJson_CountsAsAFailure()
    {
        var (queue, poison, handler, _) = await RunWithHandlerAsync(static async (_, context) =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("done");
        });

        var poisoned = await WaitForPoisonAsync(poison);

        Assert.Equal("""{"blob":"exports/acme/orders/o.csv","etag":"0x1"}""", poisoned);
        Assert.Equal(5, handler.Requests.Count);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task MessageThatSucceedsOnTheThirdTry_IsDeletedAndNotPoisoned()
    {
        var calls = 0;
        var (queue, poison, handler, _) = await RunWithHandlerAsync(async (_, context) =>
        {
            if (Interlocked.Increment(ref calls) < 3)
            {
                context.Response.StatusCode = 503;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"Outputs":{},"Logs":[],"ReturnValue":null}""");
        });

        await handler.WaitForAsync("/IngestExport", 3);
        await Task.Delay(700);

        Assert.Equal(3, handler.Requests.Count);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
        Assert.Empty((await poison.PeekMessagesAsync(32)).Value);
        Assert.Equal(["1", "2", "3"], handler.Requests.Select(DequeueCount));
    }

    [Fact]
    public async Task MessageNotInBase64_GoesStraightToPoison_WithoutAnInvocation()
    {
        var (queue, poison, handler, _) = await RunWithHandlerAsync(static (_, _) => Task.CompletedTask, send: false);
        var raw = new QueueClient(azurite.ConnectionString, queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await raw.SendMessageAsync("plain text, not base64!");

        var poisoned = await WaitForPoisonAsync(poison);

        Assert.Equal("plain text, not base64!", poisoned);
        Assert.Empty(handler.Requests);
        Assert.Empty((await raw.PeekMessagesAsync(32)).Value);
    }

    private async Task<(QueueClient Queue, QueueClient Poison, RecordingHandler Handler, LocalFunctionsHost Host)> RunWithHandlerAsync(
        Func<RecordedRequest, HttpContext, Task> respond, bool send = true)
    {
        var queueName = AzuriteFixture.UniqueName("ingest");
        var root = new ScriptRootBuilder().Queue("IngestExport", queueName);
        _roots.Add(root);
        var handler = await RecordingHandler.StartAsync();
        _running.Add(handler);
        handler.Respond = respond;
        var host = await HostRunner.StartAsync(root, azurite, handler);
        _running.Add(host);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var queue = new QueueClient(azurite.ConnectionString, queueName, options);
        var poison = new QueueClient(azurite.ConnectionString, queueName + "-poison", options);
        Assert.True((await poison.ExistsAsync()).Value, "the host creates the poison queue at start");
        if (send)
        {
            await queue.SendMessageAsync("""{"blob":"exports/acme/orders/o.csv","etag":"0x1"}""");
        }

        return (queue, poison, handler, host);
    }

    private static string? DequeueCount(RecordedRequest request) =>
        System.Text.Json.JsonDocument.Parse(request.Body).RootElement.GetProperty("Metadata").GetProperty("DequeueCount").GetString();

    private static async Task<string> WaitForPoisonAsync(QueueClient poison)
    {
        for (var i = 0; i < 300; i++)
        {
            var peeked = (await poison.PeekMessagesAsync(32)).Value;
            if (peeked.Length > 0)
            {
                Assert.Single(peeked);
                return Encoding.UTF8.GetString(peeked[0].Body.ToArray());
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("Nothing reached the poison queue.");
    }
}
