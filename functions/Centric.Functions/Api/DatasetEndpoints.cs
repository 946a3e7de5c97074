using Centric.Storage.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary>
/// <c>GET /api/datasets</c>: every dataset with its current generation and freshness; <c>GET /api/datasets/{dataset}</c>:
/// one of them; both with the last failed compute.
/// </summary>
internal static class DatasetEndpoints
{
    public static RouteGroupBuilder MapDatasets(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets", ListAsync)
            .WithName("ListDatasets").WithSummary("Datasets with current generation, as-of date, last computed and last ingestion.");
        return api;
    }

    /// <summary>Maps <c>GET /api/datasets/{dataset}</c> on the per-dataset group.</summary>
    public static RouteGroupBuilder MapDataset(this RouteGroupBuilder dataset)
    {
        dataset.MapGet("", GetAsync)
            .WithName("GetDataset").WithSummary("One dataset: current generation, freshness, and its last failed compute (when, how long, why).");
        return dataset;
    }

    private static async Task<Results<Ok<DatasetSummary>, ProblemHttpResult>> GetAsync(
        string dataset, DatasetRegistry datasets, CancellationToken cancellationToken)
    {
        var record = await datasets.GetAsync(dataset, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound($"There is no dataset '{dataset}'.");
        }

        return TypedResults.Ok(Summary(record));
    }

    private static async Task<Ok<DatasetSummary[]>> ListAsync(DatasetRegistry datasets, CancellationToken cancellationToken)
    {
        var all = await datasets.ListAsync(cancellationToken);
        return TypedResults.Ok(all.OrderBy(d => d.RowKey, StringComparer.Ordinal).Select(Summary).ToArray());
    }

    private static DatasetSummary Summary(DatasetRecord d) => new(
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
            d.Families?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            d is { LastFailedComputeAt: { } at, LastFailedComputeReason: { } reason }
                ? new ComputeFailure(at, d.LastFailedComputeSeconds ?? 0, reason, d.LastFailedComputeAttempt ?? 1)
                : null);
}
