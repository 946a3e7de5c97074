using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Tests.Support;

/// <summary>
/// A stand-in custom handler on 127.0.0.1 (Kestrel, free port) that records every request and answers with
/// <see cref="Respond"/> (default: the handler's success shape). The local host under test calls it as it
/// would call the real handler.
/// </summary>
public sealed class RecordingHandler : IAsyncDisposable
{
    private const string Success = """{"Outputs":{},"Logs":["handled"],"ReturnValue":null}""";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private RecordingHandler(WebApplication app) => _app = app;

    public Func<RecordedRequest, HttpContext, Task> Respond { get; set; } =
        static (_, context) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(Success);
        };

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<RecordingHandler> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var handler = new RecordingHandler(app);
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var request = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                buffer.ToArray());
            if (request.Method == "GET" && request.Path == "/")
            {
                return;
            }

            handler._requests.Enqueue(request);
            await handler.Respond(request, context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        handler.Url = new Uri(address + "/");
        return handler;
    }

    /// <summary>Waits until <paramref name="count"/> requests to <paramref name="path"/> arrived (10 s at most).</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(string path, int count = 1, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var matching = Requests.Where(r => r.Path == path).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} requests to {path}, got {matching.Count}.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
