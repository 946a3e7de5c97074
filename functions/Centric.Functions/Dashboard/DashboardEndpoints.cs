using Centric.Functions.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Centric.Functions.Dashboard;

/// <summary>
/// <c>GET /api/dashboard</c>: the dashboard's static page (HTML, JS modules, CSS and the charting library), served from
/// <c>Dashboard/wwwroot</c> beside the handler. The files hold no data (the page reads the API from the same origin, with
/// the function key of its own URL when there is one), so the function is anonymous. Only the files present at start-up
/// are served: a request names one of them or gets 404, so no path can reach outside the folder.
/// </summary>
internal static class DashboardEndpoints
{
    public const string Folder = "Dashboard/wwwroot";

    // Same-origin only: the page loads nothing from elsewhere and calls only this app's API.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, Folder);
        var files = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => f, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new FileExtensionContentTypeProvider();

        app.MapGet("/api/dashboard/{**path}", (string? path, HttpContext context) => Serve(path, context, files, types))
            .ExcludeFromDescription();
        return app;
    }

    private static Results<RedirectHttpResult, PhysicalFileHttpResult, ProblemHttpResult> Serve(
        string? path, HttpContext context, Dictionary<string, string> files, FileExtensionContentTypeProvider types)
    {
        // The page's relative links resolve under /api/dashboard/ only with the trailing slash; keep ?code= on the way.
        if (string.IsNullOrEmpty(path) && !context.Request.Path.Value!.EndsWith('/'))
        {
            return TypedResults.Redirect("dashboard/" + context.Request.QueryString);
        }

        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (!files.TryGetValue(name, out var file))
        {
            return Problems.NotFound($"The dashboard has no file '{name}'.");
        }

        var info = new FileInfo(file);
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        var tag = new EntityTagHeaderValue($"\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\"");
        return TypedResults.PhysicalFile(
            file,
            types.TryGetContentType(file, out var type) ? type : "application/octet-stream",
            lastModified: info.LastWriteTimeUtc,
            entityTag: tag);
    }
}
