using Microsoft.Net.Http.Headers;

namespace Centric.Functions.Api;

/// <summary>ETag and Last-Modified on reads; <c>If-None-Match</c> answers 304 when nothing changed.</summary>
internal static class Conditional
{
    /// <summary>Sets the validators; true when the client's copy is current (answer 304).</summary>
    public static bool IsNotModified(HttpContext context, string tag, DateTimeOffset? lastModified)
    {
        var etag = new EntityTagHeaderValue("\"" + tag + "\"");
        context.Response.Headers.ETag = etag.ToString();
        if (lastModified is { } modified)
        {
            context.Response.Headers.LastModified = modified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false));
    }
}
