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
public sealed class HandlerInvoker(HttpClient client, HandlerAvailability? availability = null)
{
    public HandlerAvailability Availability { get; } = availability ?? HandlerAvailability.Always();

    public async Task<InvocationResult> InvokeAsync(string functionName, JsonObject payload, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var content = new StringContent(InvocationPayloads.Serialize(payload), Encoding.UTF8, "application/json");
        try
        {
            using var response = await client.PostAsync(new Uri(functionName, UriKind.Relative), content, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
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
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return InvocationResult.Failure(null, $"the invocation did not finish within the function timeout {timeout}");
        }
        catch (HttpRequestException e)
        {
            return InvocationResult.Failure(null, $"the handler could not be reached: {e.Message}");
        }
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
