using System.Diagnostics;
using Centric.LocalHost.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Http;

/// <summary>
/// Serves the public <c>/api/*</c> surface: a request that matches an HTTP function is passed to the handler
/// unchanged (method, path and query, headers, body; enableProxyingHttpRequest), and its answer is streamed
/// back unchanged. Anything else is a 404 problem. The handler's own port is never exposed.
/// </summary>
public sealed class HandlerProxy(HttpFunctionRouter router, HttpClient handler, TimeSpan functionTimeout, ILogger logger)
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
    };

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var function = router.Match(request.Method, request.Path.Value ?? "/");
        if (function is null)
        {
            await Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not Found",
                detail: $"No function serves {request.Method} {request.Path}.").ExecuteAsync(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path.ToUriComponent() + request.QueryString.ToUriComponent(), UriKind.Relative));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        forward.Headers.TryAddWithoutValidation("X-Forwarded-Host", request.Host.Value);
        forward.Headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);
        if (context.Connection.RemoteIpAddress is { } remote)
        {
            forward.Headers.TryAddWithoutValidation("X-Forwarded-For", remote.ToString());
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(functionTimeout);
        HttpResponseMessage response;
        try
        {
            response = await handler.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !context.RequestAborted.IsCancellationRequested))
        {
            logger.ProxyFailed(e, request.Method, request.Path.Value ?? "/");
            await Results.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "Bad Gateway",
                detail: $"The function {function.Name} did not answer: {e.Message}").ExecuteAsync(context);
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(header.Key))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }

            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            await body.CopyToAsync(context.Response.Body, deadline.Token);
        }

        logger.HttpProxied(request.Method, request.Path.Value ?? "/", function.Name, context.Response.StatusCode, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
