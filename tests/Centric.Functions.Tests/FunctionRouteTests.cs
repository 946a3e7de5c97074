using Centric.LocalHost.Configuration;
using Centric.LocalHost.Http;
using Centric.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Centric.Functions.Tests;

/// <summary>
/// A route is declared twice: in a function.json (what the Functions host forwards) and in the handler's endpoint map
/// (what answers). Each must cover the other, methods included, or the real host answers 404 where the tests pass.
/// </summary>
public sealed class FunctionRouteTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private static readonly FunctionApp App = FunctionApp.Load(
        Path.Combine(RepositoryRoot.Find(), "functions", "Centric.Functions"),
        new SettingResolver(
            new Dictionary<string, string> { ["ScanExportsSchedule"] = "0 */5 * * * *", ["NightlyRecomputeSchedule"] = "0 0 2 * * *" },
            static _ => null));

    [Fact]
    public void EveryApiEndpoint_HasAnHttpFunctionWhoseRouteAndMethodsCoverIt()
    {
        var endpoints = ApiEndpoints();
        Assert.NotEmpty(endpoints);

        var uncovered = endpoints
            .Where(e => !App.HttpFunctions.Any(f => Allows(f, e.Method) && RouteTemplate.Parse(f.Route).Match(e.SamplePath) is not null))
            .Select(e => $"{e.Method} /{App.Host.RoutePrefix}/{e.Route}")
            .ToArray();

        Assert.True(uncovered.Length == 0, "No function.json forwards: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void EveryHttpFunction_RouteAndMethod_HasAnEndpoint()
    {
        var endpoints = ApiEndpoints();
        Assert.NotEmpty(App.HttpFunctions);

        var unanswered = App.HttpFunctions
            .SelectMany(f => f.Methods.Select(m => (Function: f, Method: m)))
            .Where(fm => !endpoints.Any(e => e.Method == fm.Method && RouteTemplate.Parse(fm.Function.Route).Match(e.SamplePath) is not null))
            .Select(fm => $"{fm.Function.Name}: {fm.Method} /{App.Host.RoutePrefix}/{fm.Function.Route}")
            .ToArray();

        Assert.True(unanswered.Length == 0, "No endpoint answers: " + string.Join(", ", unanswered));
    }

    [Fact]
    public void EveryQueueAndTimerFunction_HasItsInvocationEndpoint()
    {
        var posts = Endpoints()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Post) == true)
            .Select(e => Render(e.RoutePattern, p => "{" + p.Name + "}"))
            .ToHashSet(StringComparer.Ordinal);

        var functions = App.QueueFunctions.Select(f => f.Name).Concat(App.TimerFunctions.Select(f => f.Name)).ToArray();

        Assert.NotEmpty(functions);
        Assert.All(functions, name => Assert.Contains(name, posts));
    }

    private static bool Allows(HttpFunction function, string method) => function.Methods.Count == 0 || function.Methods.Contains(method);

    /// <summary>
    /// Every (method, route) the handler maps under the route prefix: the route relative to the prefix, and a path
    /// that route's shape matches (a sample value for each parameter). The fallback that answers unknown paths with a
    /// problem is not a route of the API.
    /// </summary>
    private List<(string Method, string Route, string SamplePath)> ApiEndpoints()
    {
        var prefix = App.Host.RoutePrefix + "/";
        return Endpoints()
            .Where(e => e.Order != int.MaxValue)
            .Select(e => (Endpoint: e, Route: Render(e.RoutePattern, p => "{" + p.Name + "}"), Sample: Render(e.RoutePattern, p => "sample-" + p.Name)))
            .Where(e => e.Route.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (m, e.Route[prefix.Length..], e.Sample[prefix.Length..])))
            .ToList();
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static string Render(RoutePattern pattern, Func<RoutePatternParameterPart, string> parameter) =>
        string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart part => parameter(part),
            _ => "",
        }))));
}
