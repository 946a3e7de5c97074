using System.Diagnostics;
using Centric.Pipeline.Configuration;
using Centric.Pipeline.Ingest;
using Centric.Storage.Exports;
using Centric.Storage.Ingestions;
using Centric.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace Centric.Pipeline.Scan;

/// <summary>
/// ScanExports: lists the landing zone and queues every blob version (name + ETag) the ledger has not seen, and a
/// recompute for every dataset whose settings.json or mapping.json changed. The ingestion id includes the dataset's
/// parsing settings, so a changed time zone, date order, decimal separator or mapping re-ingests its files. A queued entry that has not completed
/// within <see cref="RequeueAfter"/> is queued again (its message was lost).
/// </summary>
public sealed class ScanService(
    ExportsStore exports, IngestionLedger ledger, IngestionIntake ingestions, WorkQueues queues, TimeProvider time, ILogger<ScanService> logger)
{
    public static readonly TimeSpan RequeueAfter = TimeSpan.FromMinutes(30);

    public async Task<int> ScanAsync(CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        int blobs = 0, queued = 0, recomputes = 0;
        var parsing = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in exports.ListAsync(cancellationToken))
        {
            blobs++;
            var dataset = blob.Name.Split('/')[0];
            if (ExportPath.IsConfiguration(blob.Name))
            {
                var id = IngestionLedger.IngestionId(blob.Name, blob.ETag, blob.LastModified ?? time.GetUtcNow(), "");
                if (await RecordConfigurationAsync(dataset, id, blob, cancellationToken))
                {
                    await queues.SendAsync(new RecomputeMessage(dataset, Reason: "configuration changed: " + blob.Name), cancellationToken);
                    recomputes++;
                }

                continue;
            }

            if (ExportPath.TryParse(blob.Name) is null)
            {
                continue;
            }

            if (!parsing.TryGetValue(dataset, out var fingerprint))
            {
                parsing[dataset] = fingerprint = (await DatasetConfigurations.ReadAsync(exports, dataset, cancellationToken)).ParsingFingerprint;
            }

            var ingestionId = IngestionLedger.IngestionId(blob.Name, blob.ETag, blob.LastModified ?? time.GetUtcNow(), fingerprint);
            var existing = await ledger.GetAsync(dataset, ingestionId, cancellationToken);
            if (existing is not null && (IngestionStatuses.IsDone(existing.Status) || time.GetUtcNow() - existing.QueuedAt < RequeueAfter))
            {
                continue;
            }

            await ingestions.QueueAsync(
                existing ?? new IngestionRecord { PartitionKey = dataset, RowKey = ingestionId, Blob = blob.Name, BlobETag = blob.ETag, Parsing = fingerprint },
                cancellationToken);
            queued++;
        }

        PipelineLog.Scanned(logger, blobs, queued, recomputes, watch.ElapsedMilliseconds);
        return queued;
    }

    private async Task<bool> RecordConfigurationAsync(string dataset, string id, ExportBlob blob, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await ledger.TryAddAsync(
            new IngestionRecord
            {
                PartitionKey = dataset,
                RowKey = id,
                Blob = blob.Name,
                BlobETag = blob.ETag,
                Kind = Path.GetFileNameWithoutExtension(blob.Name.Split('/')[^1]).ToLowerInvariant(),
                Status = IngestionStatuses.Succeeded,
                Message = "Configuration file: the dataset is recomputed with it.",
                QueuedAt = now,
                CompletedAt = now,
            },
            cancellationToken);
    }
}
