using System.Diagnostics;
using System.Globalization;
using Centric.Domain.Exports;
using Centric.Engine.DuckDb;
using Centric.Engine.Ingestion;
using Centric.Engine.Settings;
using Centric.Storage.Curated;
using Centric.Storage.Datasets;
using Centric.Storage.Exports;
using Centric.Storage.Ingestions;
using Centric.Pipeline.Compute;
using Centric.Pipeline.Configuration;
using Centric.Storage.Queues;
using Centric.Storage.Rejects;
using Microsoft.Extensions.Logging;

namespace Centric.Pipeline.Ingest;

/// <summary>
/// IngestExport: reads one export blob into curated Parquet plus rejects, records the outcome in the ledger and
/// queues a recompute. Data problems end as a ledger status (rejected rows, an unusable file), never as an exception:
/// only infrastructure failures throw, so only they are retried and end in the poison queue.
/// </summary>
public sealed class IngestionService(
    ExportsStore exports,
    CuratedStore curated,
    RejectsStore rejects,
    IngestionLedger ledger,
    DatasetRegistry datasets,
    WorkQueues queues,
    TimeProvider time,
    WorkbookLimits workbookLimits,
    ILogger<IngestionService> logger,
    DuckDbResources? resources = null,
    RecomputeSettle? settle = null)
{
    private readonly RecomputeSettle _settle = settle ?? RecomputeSettle.None;

    /// <summary>The number of deliveries after which the host moves a message to the poison queue.</summary>
    public const int MaxDequeueCount = 5;

    public async Task<IngestionRecord?> IngestAsync(IngestMessage message, int dequeueCount = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (ExportPath.IsConfiguration(message.Blob))
        {
            await queues.SendAsync(new RecomputeMessage(message.Blob.Split('/')[0], Reason: "configuration changed: " + message.Blob), cancellationToken);
            return null;
        }

        var path = ExportPath.TryParse(message.Blob);
        if (path is null)
        {
            PipelineLog.NotAnExport(logger, message.Blob);
            return null;
        }

        var folder = Directory.CreateTempSubdirectory("centric-ingest-").FullName;
        var ingestionId = "";
        try
        {
            var download = await exports.DownloadAsync(path.BlobName, Path.Combine(folder, "source" + Path.GetExtension(path.FileName)), cancellationToken);
            if (download is null)
            {
                PipelineLog.BlobGone(logger, path.BlobName);
                return null;
            }

            var configuration = await DatasetConfigurations.ReadAsync(exports, path.Dataset, cancellationToken);
            var parsing = configuration.ParsingFingerprint;
            ingestionId = IngestionLedger.IngestionId(path.BlobName, download.ETag, download.LastModified, parsing);
            var record = await ledger.GetAsync(path.Dataset, ingestionId, cancellationToken)
                ?? new IngestionRecord { PartitionKey = path.Dataset, RowKey = ingestionId, QueuedAt = time.GetUtcNow() };
            if (IngestionStatuses.IsDone(record.Status))
            {
                return record;
            }

            record.Blob = path.BlobName;
            record.BlobETag = download.ETag;
            record.Sha256 = download.Sha256;
            record.Parsing = parsing;
            record.Attempts = dequeueCount;
            var owner = await ledger.ClaimBytesAsync(path.Dataset, download.Sha256, parsing, ingestionId, cancellationToken);
            var original = owner != ingestionId
                ? await ledger.GetAsync(path.Dataset, owner, cancellationToken)
                : await ledger.FindBySha256Async(path.Dataset, download.Sha256, parsing, ingestionId, cancellationToken);
            if (original is not null)
            {
                record.Status = IngestionStatuses.Duplicate;
                record.Kind = original.Kind;
                record.Message = $"The same bytes are ingested as {original.RowKey} ({original.Blob}); nothing new was read.";
                record.CompletedAt = time.GetUtcNow();
                await ledger.UpsertAsync(record, cancellationToken);
                PipelineLog.Duplicate(logger, ingestionId, path.BlobName, original.RowKey);
                return record;
            }

            await IngestFileAsync(path, download, record, configuration, folder, cancellationToken);
            return record;
        }
        catch (Exception e) when (dequeueCount >= MaxDequeueCount && ingestionId.Length > 0)
        {
            PipelineLog.IngestionFailed(logger, e, ingestionId, path.BlobName, dequeueCount);
            await RecordFailureAsync(path, ingestionId, e, dequeueCount, cancellationToken);
            throw;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task IngestFileAsync(
        ExportPath path, DownloadedExport download, IngestionRecord record, DatasetConfiguration configuration, string folder, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        ExportKind? kind = path.KindFolder is { } folderKind && ExportKinds.TryParse(folderKind, out var parsed) ? parsed : null;
        var now = time.GetUtcNow();
        var request = IngestRequest.ForDataset(
            download.LocalPath,
            path.FileName,
            kind,
            configuration,
            record.RowKey,
            now,
            now,
            Path.Combine(folder, "curated.parquet"),
            Path.Combine(folder, "rejects.csv"),
            path.KindFolder,
            workbookLimits);
        var result = new ExportIngestor(resources).Ingest(request, cancellationToken);

        if (result.Accepted > 0 && result.Kind is { } ingestedKind)
        {
            await curated.UploadAsync(path.Dataset, ingestedKind.ToSlug(), record.RowKey, request.CuratedPath, cancellationToken);
        }

        if (result.Rejected > 0 && File.Exists(request.RejectsPath))
        {
            await rejects.UploadAsync(path.Dataset, record.RowKey, request.RejectsPath, cancellationToken);
        }

        record.Kind = result.Kind?.ToSlug() ?? path.KindFolder;
        record.Status = result.Status switch
        {
            IngestionStatus.Succeeded => IngestionStatuses.Succeeded,
            IngestionStatus.SucceededWithRejects => IngestionStatuses.SucceededWithRejects,
            _ => IngestionStatuses.Rejected,
        };
        record.RowsRead = result.RowsRead;
        record.Accepted = result.Accepted;
        record.Rejected = result.Rejected;
        record.Message = string.Join(' ', configuration.Problems.Append(result.Message ?? "").Where(m => m.Length > 0));
        record.Format = result.Format is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"encoding={f.Encoding}; delimiter={Describe(f.Delimiter)}; decimal={f.DecimalSeparator}; dates={f.DateOrder}; bom={f.HasBom}")
            : null;
        record.CompletedAt = time.GetUtcNow();
        await ledger.UpsertAsync(record, cancellationToken);
        if (result.Status != IngestionStatus.Failed)
        {
            await SupersedeEarlierAsync(record, cancellationToken);
        }

        await datasets.TouchIngestionAsync(path.Dataset, record.CompletedAt.Value, cancellationToken);
        if (result.Accepted > 0)
        {
            // Visible once the settle has passed: exports landing together are computed once, with all of them.
            var recompute = new RecomputeMessage(path.Dataset, Reason: "ingested " + record.RowKey);
            if (_settle.Delay > TimeSpan.Zero)
            {
                await queues.SendAsync(recompute, _settle.Delay, cancellationToken);
            }
            else
            {
                await queues.SendAsync(recompute, cancellationToken);
            }
        }

        PipelineLog.Ingested(logger, record.RowKey, path.BlobName, record.Status, result.RowsRead, result.Accepted, result.Rejected, watch.ElapsedMilliseconds);
    }

    /// <summary>
    /// A blob read again (a newer version under the same name, or the same bytes under changed parsing settings)
    /// replaces what was read from it before: the earlier curated rows are removed so they cannot linger.
    /// </summary>
    private async Task SupersedeEarlierAsync(IngestionRecord current, CancellationToken cancellationToken)
    {
        foreach (var earlier in await ledger.FindByBlobAsync(current.PartitionKey, current.Blob, current.RowKey, cancellationToken))
        {
            if (earlier.Kind is { } kind)
            {
                await curated.DeleteAsync(current.PartitionKey, kind, earlier.RowKey, cancellationToken);
            }

            earlier.Status = IngestionStatuses.Superseded;
            earlier.Message = $"Replaced by ingestion {current.RowKey} of the same blob; its rows no longer count.";
            await ledger.UpsertAsync(earlier, cancellationToken);
        }
    }

    private async Task RecordFailureAsync(ExportPath path, string ingestionId, Exception exception, int attempts, CancellationToken cancellationToken)
    {
        var record = await ledger.GetAsync(path.Dataset, ingestionId, cancellationToken)
            ?? new IngestionRecord { PartitionKey = path.Dataset, RowKey = ingestionId, Blob = path.BlobName, QueuedAt = time.GetUtcNow() };
        record.Status = IngestionStatuses.Failed;
        record.Attempts = attempts;
        record.Message = $"Ingestion failed {attempts} times ({exception.GetType().Name}); the message was moved to the poison queue.";
        record.CompletedAt = time.GetUtcNow();
        await ledger.UpsertAsync(record, cancellationToken);
    }

    private static string Describe(char delimiter) => delimiter switch
    {
        '\t' => "tab",
        '\0' => "none",
        _ => delimiter.ToString(),
    };
}
