using Centric.Domain.Metrics;
using Centric.Domain.Snapshots;
using Centric.Domain.Time;
using Centric.Storage.Datasets;
using Centric.Storage.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary>
/// <c>GET /api/datasets/{dataset}/snapshot</c>, the one-call dashboard feed: every metric's rows for the month of the
/// as-of date, all customers (segment <c>*</c>), every preset, read from the current generation in one table query.
/// </summary>
internal static class SnapshotEndpoints
{
    private static readonly Dictionary<string, int> CatalogOrder =
        MetricCatalog.All.Select((m, i) => (m.Id, i)).ToDictionary(m => m.Id, m => m.i, StringComparer.Ordinal);

    public static RouteGroupBuilder MapSnapshot(this RouteGroupBuilder dataset)
    {
        dataset.MapGet("/snapshot", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetSnapshot").WithSummary("Every metric for the latest month, segment * (one-call dashboard feed).");
        return dataset;
    }

    private static async Task<Results<Ok<SnapshotRow[]>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        string dataset, HttpContext context, DatasetRegistry datasets, SnapshotStore snapshots, CancellationToken cancellationToken)
    {
        var (published, problem) = await PublishedDataset.FindAsync(dataset, datasets, cancellationToken);
        if (published is null)
        {
            return problem!;
        }

        if (Conditional.IsNotModified(context, published.Generation + "-snapshot", published.ComputedAt))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var month = new DateOnly(published.AsOf.Year, published.AsOf.Month, 1);
        var rows = await snapshots.ReadPeriodAsync(
            published.Name, published.Generation, published.ComputedAt ?? DateTimeOffset.MinValue, published.AsOf,
            Grain.Month.ToName(), month, "*", cancellationToken);

        // Catalogue order, then key order within a metric: the order the dashboard has always received.
        return TypedResults.Ok(rows.Where(r => CatalogOrder.ContainsKey(r.Metric)).OrderBy(r => CatalogOrder[r.Metric]).ToArray());
    }
}
