using Centric.Storage.Ingestions;
using Centric.Storage.Queues;

namespace Centric.Pipeline.Ingest;

/// <summary>
/// Records a blob version in the ledger as queued and sends its <c>ingest</c> message: the one way a file enters the
/// pipeline, whether the scan found it or it was uploaded through the API. The ledger entry is written first, so a
/// message that is lost is queued again by a later scan.
/// </summary>
public sealed class IngestionIntake(IngestionLedger ledger, WorkQueues queues, TimeProvider time)
{
    /// <summary>Marks <paramref name="record"/> queued now, stores it and sends its message.</summary>
    public async Task QueueAsync(IngestionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Status = IngestionStatuses.Queued;
        record.QueuedAt = time.GetUtcNow();
        await ledger.UpsertAsync(record, cancellationToken);
        await queues.SendAsync(new IngestMessage(record.Blob, record.BlobETag), cancellationToken);
    }
}
