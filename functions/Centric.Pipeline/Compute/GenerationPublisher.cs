using System.Diagnostics;
using System.Text.Json;
using Centric.Domain.Exports;
using Centric.Engine.Compute;
using Centric.Engine.Settings;
using Centric.Storage.Datasets;
using Centric.Storage.Scores;
using Centric.Storage.Snapshots;
using Microsoft.Extensions.Logging;

namespace Centric.Pipeline.Compute;

/// <summary>
/// The end of every compute, single or merged: writes what is left of a computed generation (its rows when they were
/// not streamed, its scores, cohorts and customer lists), then moves the dataset's pointer to it with an
/// ETag-conditional update. A generation that saw older input than the published one, or the same input after it, is
/// discarded with its rows and blobs; a published one retires the generation before the previous, and then sweeps the
/// generations older than it that computes left behind (<see cref="GenerationSweep"/>).
/// </summary>
internal sealed class GenerationPublisher(SnapshotStore snapshots, ScoresStore scores, DatasetRegistry datasets, GenerationSweep sweep, ILogger logger)
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>
    /// Writes a computed generation's rows (unless <paramref name="rowsWritten"/>: streamed while it computed), scores,
    /// cohorts and lists (unless <paramref name="listsWritten"/>: being written beside, and awaited here), then publishes
    /// it; the generation or null. Publishing always comes after every blob of the generation is complete.
    /// </summary>
    public async Task<string?> WriteAndPublishAsync(
        string dataset, string generation, DateTimeOffset computedAt, ComputeResult result, DatasetConfiguration configuration,
        IReadOnlyList<string> lineage, string watermark, DateTimeOffset startedAt, Stopwatch watch, CancellationToken cancellationToken,
        bool rowsWritten = false, Task? listsWritten = null)
    {
        var asOf = result.AsOf!.Value;
        var rowCount = result.Values.Count;
        if (!rowsWritten)
        {
            await snapshots.WriteAsync(dataset, generation, Generations.Rows(result, dataset, generation, computedAt), cancellationToken);
        }

        await scores.WriteAsync(dataset, generation, result.Scores, cancellationToken);
        await scores.WriteCohortsAsync(dataset, generation, result.Cohorts, cancellationToken);
        await (listsWritten ?? scores.WriteCustomerListsAsync(dataset, generation, result.CustomerLists, cancellationToken));

        var warnings = configuration.Problems.Concat(result.Warnings).ToArray();
        foreach (var warning in warnings)
        {
            PipelineLog.ComputeWarning(logger, dataset, warning);
        }

        var asOfText = ComputeService.Format(asOf);
        var published = await PublishAsync(dataset, generation, watermark, asOfText, startedAt, record =>
        {
            record.AsOf = asOfText;
            record.ComputedAt = computedAt;
            record.Lineage = string.Join(',', lineage);
            record.Customers = result.Customers;
            record.Orders = result.Orders;
            record.Rows = rowCount;
            record.Kinds = string.Join(',', result.Kinds.Select(k => k.ToSlug()));
            record.Families = string.Join(',', result.Families);
            record.ChurnPreset = configuration.Settings.ChurnPreset;
            record.ReportingCurrency = result.ReportingCurrency;
            record.Clv = result.Clv is null ? null : JsonSerializer.Serialize(result.Clv, ReportJson);
            record.Warnings = warnings.Length == 0 ? null : string.Join('\n', warnings);
        }, cancellationToken);
        if (published)
        {
            PipelineLog.Computed(
                logger, dataset, generation, asOfText, rowCount, result.Families.Count == 0 ? "none" : string.Join(", ", result.Families),
                result.Customers, result.Orders, watch.ElapsedMilliseconds);
        }

        return published ? generation : null;
    }

    private async Task<bool> PublishAsync(
        string dataset, string generation, string watermark, string asOf, DateTimeOffset startedAt, Action<DatasetRecord> describe,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var record = await datasets.GetAsync(dataset, cancellationToken) ?? new DatasetRecord { RowKey = dataset };
            if (record.CurrentGeneration == generation)
            {
                // Published by another delivery of the same merge: already done, and its rows must stay.
                return false;
            }

            var newer = string.CompareOrdinal(record.InputWatermark ?? "", watermark) > 0;

            // Recomputes queued together (one per ingestion) see the same input: the first to publish wins, and the
            // others would only change the ETag BI tools refresh on.
            var same = record.CurrentGeneration is not null && record.InputWatermark == watermark && record.AsOf == asOf
                && record.ComputedAt >= startedAt;
            if (newer || same)
            {
                PipelineLog.Discarded(logger, dataset, generation, record.CurrentGeneration ?? "");
                await snapshots.DeleteGenerationAsync(dataset, generation, cancellationToken);
                await scores.DeleteAsync(dataset, generation, cancellationToken);
                return false;
            }

            var retired = record.PreviousGeneration;
            record.PreviousGeneration = record.CurrentGeneration;
            record.CurrentGeneration = generation;
            record.InputWatermark = watermark;
            describe(record);
            if (await datasets.TryReplaceAsync(record, cancellationToken))
            {
                if (retired is not null && retired != generation)
                {
                    await snapshots.DeleteGenerationAsync(dataset, retired, cancellationToken);
                    await scores.DeleteAsync(dataset, retired, cancellationToken);
                }

                // Logs its own failure: the generation is published whatever becomes of the sweep.
                await sweep.SweepAsync(dataset, generation, cancellationToken);
                return true;
            }
        }

        throw new InvalidOperationException($"Dataset {dataset}: could not publish generation {generation} after 10 attempts.");
    }
}
