using Azure;
using Centric.Functions.Uploads;
using Centric.Storage.Scores;
using Microsoft.AspNetCore.Diagnostics;

namespace Centric.Functions.Hosting;

/// <summary>
/// The last line for an exception no endpoint handled: never a bare 500. The answer is problem details with the
/// trace id (the default writer adds it), and one log line says which request failed and why. A body past the
/// limit is 413, an unreadable body 400, unreachable storage 503 with Retry-After; anything else 500.
/// </summary>
internal sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problems, IConfiguration configuration, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var request = httpContext.Request;
        var path = request.Path.Value ?? "/";
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            ClientGone(logger, request.Method, path);
            return true;
        }

        var (status, title, detail) = Classify(exception, request);
        if (status == StatusCodes.Status500InternalServerError)
        {
            Failed(logger, exception, request.Method, path, httpContext.TraceIdentifier);
        }
        else
        {
            Refused(logger, request.Method, path, status, exception.Message, httpContext.TraceIdentifier);
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "10";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private (int Status, string Title, string Detail) Classify(Exception exception, HttpRequest request)
    {
        var limit = UploadLimit.From(configuration[UploadLimit.SettingName]);
        foreach (var e in Chain(exception))
        {
            switch (e)
            {
                case UnreadableBlobException:
                    // What the product stored is at fault, whatever the cause inside it (a gzip stream's
                    // InvalidDataException among them): a server error, never an unreadable request.
                    return ServerError(request);
                case UploadTooLargeException:
                case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                    return (StatusCodes.Status413PayloadTooLarge, "The upload is too large", UploadLimit.TooLargeDetail(limit));
                case BadHttpRequestException bad:
                    return (bad.StatusCode, "The request could not be read", bad.Message);
                case InvalidDataException invalid:
                    return (StatusCodes.Status400BadRequest, "The request could not be read", invalid.Message);
                case RequestFailedException { Status: 0 }:
                case HttpRequestException:
                case TimeoutException:
                    return (StatusCodes.Status503ServiceUnavailable, "Storage is unreachable",
                        "Storage did not answer; nothing was changed. Retry in a few seconds; GET /api/health shows which part is down.");
            }
        }

        return ServerError(request);
    }

    private static (int Status, string Title, string Detail) ServerError(HttpRequest request) =>
        (StatusCodes.Status500InternalServerError, "The request failed",
            $"{request.Method} {request.Path} failed on the server. Quote the traceId when reporting it; the handler's log has the cause.");

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var e))
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed (trace {TraceId})")]
    private static partial void Failed(ILogger logger, Exception exception, string method, string path, string traceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered {Status}: {Reason} (trace {TraceId})")]
    private static partial void Refused(ILogger logger, string method, string path, int status, string reason, string traceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path}: the client went away before the answer")]
    private static partial void ClientGone(ILogger logger, string method, string path);
}
