using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Centric.LocalHost.Handler;

namespace Centric.LocalHost.Invocation;

/// <summary>
/// Calls <c>POST /{FunctionName}</c> on the handler. Success is a 2xx answer whose body is JSON; any other
/// status, a body that is not JSON, an unreachable handler or the function timeout is a failure, as in the
/// Functions host. <see cref="Availability"/> says when the handler can take work (it may be restarting).
/// </summary>
/// <remarks>
/// A connection the handler refuses means the invocation never reached it: its process has died and the supervisor
/// has not yet seen the exit, or it is starting again. The Functions host does not hand invocations to a worker it is
/// restarting, so neither does this one: it waits for the handler to be available and sends the invocation again,
/// within the function timeout, rather than failing at once. Failing at once let a queue message be taken, refused and
/// taken again until it reached its last dequeue and went to the poison queue before the restart, although the handler
/// never saw it. A connection that breaks once the request is sent is a failure as before: the invocation may have run.
/// </remarks>
public sealed class HandlerInvoker(HttpClient client, HandlerAvailability? availability = null)
{
    /// <summary>How long to wait before trying a handler that refused the connection again.</summary>
    internal static readonly TimeSpan RefusedRetryDelay = TimeSpan.FromMilliseconds(200);

    public HandlerAvailability Availability { get; } = availability ?? HandlerAvailability.Always();

    public async Task<InvocationResult> InvokeAsync(string functionName, JsonObject payload, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var body = InvocationPayloads.Serialize(payload);
        while (true)
        {
            try
            {
                return await SendAsync(functionName, body, deadline.Token);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError && !deadline.IsCancellationRequested)
            {
                // Not delivered: wait for the handler (the supervisor marks it down when it sees the exit and ready once
                // it is back), then send the same invocation again.
                try
                {
                    await Task.Delay(RefusedRetryDelay, deadline.Token);
                    await Availability.WaitAsync(deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return InvocationResult.Failure(null, $"the handler could not be reached within the function timeout {timeout}: {e.Message}");
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return InvocationResult.Failure(null, $"the invocation did not finish within the function timeout {timeout}");
            }
            catch (HttpRequestException e)
            {
                return InvocationResult.Failure(null, $"the handler could not be reached: {e.Message}");
            }
        }
    }

    private async Task<InvocationResult> SendAsync(string functionName, string payload, CancellationToken cancellationToken)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(functionName, UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            return InvocationResult.Failure(status, $"the handler answered {status}: {Shorten(body)}");
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return InvocationResult.Failure(status, $"the handler answered {status} with a body that is not JSON: {Shorten(body)}");
        }

        var logs = json is JsonObject result && result["Logs"] is JsonArray lines
            ? lines.Select(line => line?.ToString() ?? string.Empty).ToList()
            : [];
        return InvocationResult.Success(status, logs);
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
