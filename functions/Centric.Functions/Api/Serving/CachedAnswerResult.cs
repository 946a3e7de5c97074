namespace Centric.Functions.Api.Serving;

/// <summary>Writes a <see cref="CachedAnswer"/>: its bytes as they are, with their content type and paging headers.</summary>
internal sealed class CachedAnswerResult(CachedAnswer answer) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = answer.ContentType;
        response.ContentLength = answer.Body.Length;
        if (answer.TotalCount is { } total)
        {
            response.Headers["X-Total-Count"] = total;
        }
        if (answer.Link is { } link)
        {
            response.Headers.Link = link;
        }

        return response.Body.WriteAsync(answer.Body, httpContext.RequestAborted).AsTask();
    }
}
