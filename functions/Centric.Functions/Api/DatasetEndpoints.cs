using Centric.Domain.Activity;
using Centric.Domain.Exports;
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
            parsed.Count == 0 ? null : ActivityModelKind.For(parsed));
    }
}
