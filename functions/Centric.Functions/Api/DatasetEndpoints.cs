using Centric.Domain.Activity;
using Centric.Domain.Exports;
using Centric.Functions.Api.Keys;
using Centric.Storage.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary>
/// <c>GET /api/datasets</c>: every dataset the caller may read with its current generation and freshness;
/// <c>GET /api/datasets/{dataset}</c>: one of them; both with the last failed compute.
/// </summary>
internal static class DatasetEndpoints
{
    public static RouteGroupBuilder MapDatasets(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets", ListAsync)
            .Takes()
            .WithName("ListDatasets").WithSummary("Datasets with current generation, as-of date, last computed and last ingestion.");
        return api;
    }

    /// <summary>Maps <c>GET /api/datasets/{dataset}</c> on the per-dataset group.</summary>
    public static RouteGroupBuilder MapDataset(this RouteGroupBuilder dataset)
    {
        dataset.MapGet("", GetAsync)
            .Takes()
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

    /// <remarks>A dataset with keys is listed only to a caller presenting one of its keys (<c>x-api-key</c>).</remarks>
    private static async Task<Ok<DatasetSummary[]>> ListAsync(DatasetRegistry datasets, DatasetKeys keys, HttpRequest request, CancellationToken cancellationToken)
    {
        var directory = await keys.CurrentAsync(cancellationToken);
        var key = DatasetKeys.KeyOf(request);
        var all = (await datasets.ListAsync(cancellationToken)).Where(d => directory.CanRead(d.RowKey, key));
        return TypedResults.Ok(all.OrderBy(d => d.RowKey, StringComparer.Ordinal).Select(Summary).ToArray());
    }

    private static DatasetSummary Summary(DatasetRecord d)
    {
        var kinds = d.Kinds?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var parsed = kinds.Select(k => ExportKinds.TryParse(k, out var kind) ? kind : (ExportKind?)null).OfType<ExportKind>().ToHashSet();
        return new DatasetSummary(
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
            kinds,
            d.Families?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            parsed.Count == 0 ? null : ActivityModelKind.For(parsed),
            d is { LastFailedComputeAt: { } at, LastFailedComputeReason: { } reason }
                ? new ComputeFailure(at, d.LastFailedComputeSeconds ?? 0, reason, d.LastFailedComputeAttempt ?? 1)
                : null);
    }
}
