using Centric.Storage.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary>A dataset with a published generation: what every read of its metrics, scores and cohorts starts from.</summary>
internal sealed record PublishedDataset(string Name, string Generation, DateOnly AsOf, DateTimeOffset? ComputedAt, DatasetRecord Record)
{
    /// <summary>The dataset's current generation, else the 404 to answer with (unknown dataset, or nothing computed yet).</summary>
    public static async Task<(PublishedDataset? Dataset, ProblemHttpResult? Problem)> FindAsync(
        string dataset, DatasetRegistry datasets, CancellationToken cancellationToken)
    {
        var record = await datasets.GetAsync(dataset, cancellationToken);
        return From(dataset, record);
    }

    /// <summary>The dataset's current generation from its entry (null when there is none), else the 404 to answer with.</summary>
    public static (PublishedDataset? Dataset, ProblemHttpResult? Problem) From(string dataset, DatasetRecord? record)
    {
        if (record is null)
        {
            return (null, Problems.NotFound($"There is no dataset '{dataset}'. Drop an export into exports/{dataset}/{{kind}}/ to create it."));
        }

        return record is { CurrentGeneration: { } generation, AsOfDate: { } asOf }
            ? (new PublishedDataset(record.RowKey, generation, asOf, record.ComputedAt, record), null)
            : (null, Problems.NotFound($"Dataset '{dataset}' has no computed metrics yet; its exports are being ingested."));
    }
}
