using Centric.LocalHost.Configuration;

namespace Centric.LocalHost.Http;

/// <summary>Finds the HTTP function for a request path and method, from the route prefix and each function's route.</summary>
public sealed class HttpFunctionRouter
{
    private readonly string _prefix;
    private readonly List<(HttpFunction Function, RouteTemplate Template)> _routes;

    public HttpFunctionRouter(string routePrefix, IEnumerable<HttpFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(routePrefix);
        _prefix = routePrefix.Trim('/');
        _routes = functions
            .Select(f => (f, RouteTemplate.Parse(f.Route)))
            .OrderByDescending(r => r.Item2.Precedence)
            .ThenBy(r => r.f.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The function serving <paramref name="method"/> <paramref name="path"/> (a request path starting with '/'), or null.</summary>
    public HttpFunction? Match(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var relative = path.TrimStart('/');
        if (_prefix.Length > 0)
        {
            if (!relative.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase) ||
                (relative.Length > _prefix.Length && relative[_prefix.Length] != '/'))
            {
                return null;
            }

            relative = relative[_prefix.Length..];
        }

        foreach (var (function, template) in _routes)
        {
            if ((function.Methods.Count == 0 || function.Methods.Contains(method.ToUpperInvariant())) && template.Match(relative) is not null)
            {
                return function;
            }
        }

        return null;
    }
}
