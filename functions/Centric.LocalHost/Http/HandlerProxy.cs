using System.Diagnostics;
using Centric.Functions.Hosting;
using Centric.LocalHost.Handler;
using Centric.LocalHost.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Http;

/// <summary>
/// Serves the public <c>/api/*</c> surface: a request that matches an HTTP function is passed to the handler
/// unchanged (method, path and query, headers, body; enableProxyingHttpRequest), and its answer is streamed
/// back unchanged. Anything else is a 404 problem. The handler's own port is never exposed. A body over the upload
/// limit is a 413 problem before anything reaches the handler; while the handler is restarting, requests get a 503
/// problem with Retry-After rather than waiting.
/// </summary>
public sealed class HandlerProxy(
    HttpFunctionRouter router, HttpClient handler, TimeSpan functionTimeout, long maxBodyBytes, HandlerAvailability availability, ILogger logger)
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

        if (request.ContentLength > maxBodyBytes)
        {
            logger.ProxyTooLarge(request.Method, request.Path.Value ?? "/", maxBodyBytes);
            await TooLarge().ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBodyBytes;
        }

        if (!availability.IsReady)
        {
            await Restarting(context, function.Name);
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
        catch (Exception e) when (TooLargeBody(e))
        {
            logger.ProxyTooLarge(request.Method, request.Path.Value ?? "/", maxBodyBytes);
            await TooLarge().ExecuteAsync(context);
            return;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !context.RequestAborted.IsCancellationRequested))
        {
            logger.ProxyFailed(e, request.Method, request.Path.Value ?? "/");
            if (!availability.IsReady)
            {
                await Restarting(context, function.Name);
                return;
            }

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

    private IResult TooLarge() => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The upload is too large",
        detail: UploadLimit.TooLargeDetail(maxBodyBytes));

    private static Task Restarting(HttpContext context, string function)
    {
        context.Response.Headers.RetryAfter = "5";
        return Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The handler is restarting",
            detail: $"The function {function} is not available while the handler restarts after it exited. Retry in a few seconds.").ExecuteAsync(context);
    }

    /// <summary>Kestrel's body limit, hit while the body was being forwarded.</summary>
    private static bool TooLargeBody(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }
}
