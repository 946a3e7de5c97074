using Centric.Storage.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary><c>GET /api/datasets</c>: every dataset with its current generation and freshness.</summary>
internal static class DatasetEndpoints
{
    public static RouteGroupBuilder MapDatasets(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets", ListAsync)
            .WithName("ListDatasets").WithSummary("Datasets with current generation, as-of date, last computed and last ingestion.");
        return api;
    }

    private static async Task<Ok<DatasetSummary[]>> ListAsync(DatasetRegistry datasets, CancellationToken cancellationToken)
    {
        var all = await datasets.ListAsync(cancellationToken);
        return TypedResults.Ok(all.OrderBy(d => d.RowKey, StringComparer.Ordinal).Select(d => new DatasetSummary(
            d.RowKey,
            d.CurrentGeneration,
            d.AsOfDate,
            d.ComputedAt,
            d.LastIngestionAt,
            d.Customers,
            d.Orders,
            d.ReportingCurrency,
            d.Warnings?.Split('\n') ?? [],
            d.Lineage?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            d.Kinds?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            d.Families?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [])).ToArray());
    }
}
