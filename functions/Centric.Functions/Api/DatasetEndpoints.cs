using Centric.Storage.Datasets;

namespace Centric.Functions.Api;

/// <summary><c>GET /api/datasets</c>: every dataset with its current generation and freshness.</summary>
internal static class DatasetEndpoints
{
    public static RouteGroupBuilder MapDatasets(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets", async (DatasetRegistry datasets, CancellationToken cancellationToken) =>
        {
            var all = await datasets.ListAsync(cancellationToken);
            return TypedResults.Ok(all.OrderBy(d => d.RowKey, StringComparer.Ordinal).Select(d => new
            {
                Dataset = d.RowKey,
                Generation = d.CurrentGeneration,
                d.AsOf,
                LastComputed = d.ComputedAt,
                LastIngestion = d.LastIngestionAt,
                d.Customers,
                d.Orders,
                d.ReportingCurrency,
                Warnings = d.Warnings?.Split('\n') ?? [],
                Lineage = d.Lineage?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
                Kinds = d.Kinds?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
                Families = d.Families?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            }));
        }).WithName("ListDatasets").WithSummary("Datasets with current generation, as-of date, last computed and last ingestion.");
        return api;
    }
}
