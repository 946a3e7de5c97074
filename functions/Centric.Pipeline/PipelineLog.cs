using Microsoft.Extensions.Logging;

namespace Centric.Pipeline;

/// <summary>The pipeline's structured log lines: one summary per scan, ingestion and computation.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Scan: {Blobs} blobs in exports, {Queued} queued for ingestion, {Recomputes} datasets queued for recompute, in {ElapsedMs} ms")]
    public static partial void Scanned(ILogger logger, int blobs, int queued, int recomputes, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion {IngestionId} of {Blob}: {Status}, {RowsRead} rows read, {Accepted} accepted, {Rejected} rejected, in {ElapsedMs} ms")]
    public static partial void Ingested(ILogger logger, string ingestionId, string blob, string status, long rowsRead, long accepted, long rejected, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion {IngestionId} of {Blob}: the same bytes were ingested as {OriginalId}")]
    public static partial void Duplicate(ILogger logger, string ingestionId, string blob, string originalId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring {Blob}: not an export path (expected {{dataset}}/{{kind}}/{{file}})")]
    public static partial void NotAnExport(ILogger logger, string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob {Blob} no longer exists; nothing to ingest")]
    public static partial void BlobGone(ILogger logger, string blob);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion {IngestionId} of {Blob} failed on attempt {Attempt}")]
    public static partial void IngestionFailed(ILogger logger, Exception exception, string ingestionId, string blob, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Dataset} is up to date (generation {Generation}); nothing to recompute")]
    public static partial void UpToDate(ILogger logger, string dataset, string generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Dataset}: generation {Generation} as of {AsOf}, {Rows} rows from families {Families}, {Customers} customers, {Orders} orders, in {ElapsedMs} ms")]
    public static partial void Computed(ILogger logger, string dataset, string generation, string asOf, int rows, string families, int customers, long orders, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Dataset}: generation {Generation} discarded, {Current} with the same or newer input was published meanwhile")]
    public static partial void Discarded(ILogger logger, string dataset, string generation, string current);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Dataset}: another compute of it is running; this recompute is queued again in {Seconds} s")]
    public static partial void Deferred(ILogger logger, string dataset, long seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Dataset}: an export was ingested within the settle; this recompute is queued again in {Seconds} s")]
    public static partial void Settling(ILogger logger, string dataset, long seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Dataset} has no events yet; no generation is published")]
    public static partial void NothingToCompute(ILogger logger, string dataset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dataset {Dataset}: {Warning}")]
    public static partial void ComputeWarning(ILogger logger, string dataset, string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dataset {Dataset}: the compute {Reason} after {ElapsedMs} ms; {Fate}")]
    public static partial void ComputeFailed(ILogger logger, string dataset, string reason, string fate, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dataset {Dataset}: the failed compute could not be recorded on the dataset")]
    public static partial void ComputeFailureNotRecorded(ILogger logger, Exception exception, string dataset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Dataset}: {Rows} rows, computed in {Partitions} partitions as generation {Generation}")]
    public static partial void FannedOut(ILogger logger, string dataset, long rows, int partitions, string generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Dataset}: partition {Partition} of {Partitions} of generation {Generation} written, {Values} partial values, in {ElapsedMs} ms")]
    public static partial void PartitionWritten(ILogger logger, string dataset, int partition, int partitions, string generation, int values, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Dataset}: generation {Generation} is for older input than the ledger now holds; its step is dropped (a newer recompute is queued)")]
    public static partial void FanoutStale(ILogger logger, string dataset, string generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Dataset}: generation {Generation} has {Written} of {Partitions} partials; the merge looks again in {DelaySeconds} s (attempt {Attempt})")]
    public static partial void MergeWaiting(ILogger logger, string dataset, string generation, int written, int partitions, double delaySeconds, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Dataset}: generation {Generation} was already published; the merge delivered again does nothing")]
    public static partial void AlreadyPublished(ILogger logger, string dataset, string generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Dataset}: {Count} abandoned generations older than {Published} deleted ({Generations})")]
    public static partial void GenerationsSwept(ILogger logger, string dataset, int count, string published, string generations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dataset {Dataset}: the sweep of abandoned generations after publishing {Published} failed; the next publish tries again")]
    public static partial void GenerationSweepFailed(ILogger logger, Exception exception, string dataset, string published);
}
