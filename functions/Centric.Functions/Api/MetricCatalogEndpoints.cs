using Centric.Domain.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary><c>GET /api/metrics</c>: the metric catalogue.</summary>
internal static class MetricCatalogEndpoints
{
    public static RouteGroupBuilder MapMetricCatalog(this RouteGroupBuilder api)
    {
        api.MapGet("/metrics", List)
            .Takes()
            .WithName("ListMetrics").WithSummary("The metric catalogue: id, title, unit, definition, presets, version.");
        return api;
    }

    private static Ok<MetricCatalogEntry[]> List() => TypedResults.Ok(MetricCatalog.All.Select(m => new MetricCatalogEntry(
        m.Id,
        m.Title,
        m.Unit.ToString().ToLowerInvariant(),
        m.Definition,
        m.Presets,
        m.DefaultPreset,
        m.Version)).ToArray());
}
