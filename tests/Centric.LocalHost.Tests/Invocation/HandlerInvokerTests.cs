using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Centric.LocalHost.Handler;
using Centric.LocalHost.Invocation;

namespace Centric.LocalHost.Tests.Invocation;

/// <summary>
/// An invocation the handler never received (its port refuses the connection: the process died and is being started
/// again) waits for the handler and is sent again, as the Functions host holds invocations while it restarts a worker;
/// one that reached the handler and broke fails at once, since it may have run. Real sockets on loopback.
/// </summary>
public sealed class HandlerInvokerTests
{
    private static readonly JsonObject Payload = new() { ["Data"] = new JsonObject { ["message"] = "{}" } };

    [Fact]
    public async Task AnInvocationTheHandlerRefuses_IsSentAgainOnceTheHandlerListens_AndReachesItOnce()
    {
        var port = FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var invoker = new HandlerInvoker(client);

        var invocation = invoker.InvokeAsync("ComputeMetrics", Payload, TimeSpan.FromSeconds(30));
        await Task.Delay(800);
        Assert.False(invocation.IsCompleted, "The invocation should wait for the handler, not fail while nothing listens.");
        using var handler = new LoopbackHandler(port, answer: true);

        var result = await invocation.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["ran"], result.Logs);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task AHandlerThatDoesNotComeBack_FailsWhenTheFunctionTimeoutRunsOut()
    {
        var port = FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var down = new HandlerAvailability();
        var invoker = new HandlerInvoker(client, down);
        var started = Stopwatch.StartNew();

        var result = await invoker.InvokeAsync("ComputeMetrics", Payload, TimeSpan.FromSeconds(1.5)).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.False(result.Succeeded);
        Assert.Null(result.StatusCode);
        Assert.Contains("could not be reached within the function timeout", result.Error, StringComparison.Ordinal);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AnInvocationThatReachedTheHandler_AndBroke_FailsAtOnce_WithoutBeingSentAgain()
    {
        var port = FreePort();
        using var handler = new LoopbackHandler(port, answer: false);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var invoker = new HandlerInvoker(client);
        var started = Stopwatch.StartNew();

        var result = await invoker.InvokeAsync("ComputeMetrics", Payload, TimeSpan.FromSeconds(30)).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.False(result.Succeeded);
        Assert.StartsWith("the handler could not be reached:", result.Error, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"It took {started.Elapsed}.");
        await Task.Delay(500);
        Assert.Equal(1, handler.Requests);
    }

    /// <summary>A loopback port nothing listens on: taken from the system, then let go.</summary>
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>
    /// A handler on <c>port</c> that reads each request whole and either answers 200 with the custom handler's JSON or
    /// closes the connection without a word, as a handler killed mid-invocation does.
    /// </summary>
    private sealed class LoopbackHandler : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private int _requests;

        public LoopbackHandler(int port, bool answer)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            _ = ServeAsync(answer);
        }

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Dispose();
            _stop.Dispose();
        }

        private async Task ServeAsync(bool answer)
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    await using var stream = new NetworkStream(socket);
                    await ReadRequestAsync(stream);
                    Interlocked.Increment(ref _requests);
                    if (answer)
                    {
                        const string Body = """{"Outputs":{},"Logs":["ran"],"ReturnValue":null}""";
                        var response = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(Body)}\r\nConnection: close\r\n\r\n{Body}";
                        await stream.WriteAsync(Encoding.UTF8.GetBytes(response), _stop.Token);
                    }
                    else
                    {
                        socket.LingerState = new LingerOption(true, 0);
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }

        /// <summary>Reads the request line, headers and the body its Content-Length gives.</summary>
        private async Task ReadRequestAsync(NetworkStream stream)
        {
            var received = new List<byte>();
            var buffer = new byte[4096];
            int headerEnd;
            while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                received.AddRange(buffer.AsSpan(0, read).ToArray());
            }

            var headers = Encoding.ASCII.GetString([.. received], 0, headerEnd);
            var length = headers.Split("\r\n")
                .Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                .Select(h => int.Parse(h["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault();
            while (received.Count < headerEnd + 4 + length)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                received.AddRange(buffer.AsSpan(0, read).ToArray());
            }
        }

        private static int IndexOfHeaderEnd(List<byte> bytes)
        {
            for (var i = 3; i < bytes.Count; i++)
            {
                if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n')
                {
                    return i - 3;
                }
            }

            return -1;
        }
    }
}
