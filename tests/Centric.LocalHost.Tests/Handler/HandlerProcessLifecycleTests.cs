using System.Text.Json;
using Azure.Storage.Queues;
using Centric.LocalHost.Storage;
using Centric.LocalHost.Tests.Support;
using Centric.Testing;

namespace Centric.LocalHost.Tests.Handler;

/// <summary>
/// The whole host with a real handler process: a small Node.js custom handler (Node is already required for
/// Azurite) started from host.json, reached on FUNCTIONS_CUSTOMHANDLER_PORT, and killed on stop.
/// </summary>
public class HandlerProcessLifecycleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string HandlerScript = """
        const http = require('http');
        const port = process.env.FUNCTIONS_CUSTOMHANDLER_PORT;
        http.createServer((req, res) => {
          let body = '';
          req.on('data', c => body += c);
          req.on('end', () => {
            if (req.url.startsWith('/api/')) {
              res.setHeader('Content-Type', 'application/json');
              res.end(JSON.stringify({ url: req.url, storage: process.env.AzureWebJobsStorage, greeting: process.env.Greeting, pid: process.pid }));
            } else if (req.method === 'POST') {
              const payload = JSON.parse(body);
              res.setHeader('Content-Type', 'application/json');
              res.end(JSON.stringify({ Outputs: {}, Logs: ['got ' + JSON.parse(payload.Data.message)], ReturnValue: null }));
            } else {
              res.end('ready');
            }
          });
        }).listen(Number(port), '127.0.0.1');
        """;

    [Fact]
    public async Task Host_StartsTheHandlerFromHostJson_ProxiesToIt_InvokesIt_AndKillsItOnStop()
    {
        var queueName = AzuriteFixture.UniqueName("ingest");
        using var root = new ScriptRootBuilder(ScriptRootBuilder.DefaultHostJson
                .Replace("\"defaultExecutablePath\": \"dotnet\"", "\"defaultExecutablePath\": \"node\"", StringComparison.Ordinal)
                .Replace("\"Centric.Functions.dll\"", "\"handler.js\"", StringComparison.Ordinal))
            .Http("Health", "health", "get")
            .Queue("IngestExport", queueName);
        await File.WriteAllTextAsync(Path.Combine(root.Path, "handler.js"), HandlerScript);
        var host = new LocalFunctionsHost(new LocalHostOptions
        {
            ScriptRoot = root.Path,
            StorageConnectionString = azurite.ConnectionString,
            HttpPort = 0,
            Settings = new Dictionary<string, string> { ["Greeting"] = "hola" },
            Environment = static _ => null,
        });
        await host.StartAsync();
        int handlerPort;
        try
        {
            handlerPort = host.HandlerUrl.Port;
            Assert.Equal("127.0.0.1", host.HandlerUrl.Host);
            Assert.NotEqual(host.BaseUrl.Port, handlerPort);
            using var client = new HttpClient { BaseAddress = host.ApiBaseUrl };

            using var health = JsonDocument.Parse(await client.GetStringAsync("health?x=1"));

            Assert.Equal("/api/health?x=1", health.RootElement.GetProperty("url").GetString());
            Assert.Equal(azurite.ConnectionString, health.RootElement.GetProperty("storage").GetString());
            Assert.Equal("hola", health.RootElement.GetProperty("greeting").GetString());

            var queue = new QueueClient(azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
            await queue.SendMessageAsync("""{"blob":"b"}""");
            for (var i = 0; i < 100 && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0; i++)
            {
                await Task.Delay(50);
            }

            Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        }
        finally
        {
            await host.DisposeAsync();
        }

        Assert.False(AzuriteProcess.IsListening(handlerPort), "the handler is gone after stop");
        using var after = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync(host.BaseUrl));
    }
}
