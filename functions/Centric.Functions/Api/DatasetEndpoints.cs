using Centric.Functions.Api.Keys;
using Centric.Storage.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary><c>GET /api/datasets</c>: every dataset the caller may read with its current generation and freshness.</summary>
internal static class DatasetEndpoints
{
    public static RouteGroupBuilder MapDatasets(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets", ListAsync)
            .WithName("ListDatasets").WithSummary("Datasets with current generation, as-of date, last computed and last ingestion.");
        return api;
    }

    /// <remarks>A dataset with keys is listed only to a caller presenting one of its keys (<c>x-api-key</c>).</remarks>
    private static async Task<Ok<DatasetSummary[]>> ListAsync(DatasetRegistry datasets, DatasetKeys keys, HttpRequest request, CancellationToken cancellationToken)
    {
        var directory = await keys.CurrentAsync(cancellationToken);
        var key = DatasetKeys.KeyOf(request);
        var all = (await datasets.ListAsync(cancellationToken)).Where(d => directory.CanRead(d.RowKey, key));
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
