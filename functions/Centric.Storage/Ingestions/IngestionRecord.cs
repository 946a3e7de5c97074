using Azure;
using Azure.Data.Tables;

namespace Centric.Storage.Ingestions;

/// <summary>
/// A ledger entry (table <c>ingestions</c>): PartitionKey = dataset, RowKey = ingestion id. Rows read always equals
/// accepted + rejected.
/// </summary>
public sealed class IngestionRecord : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Blob { get; set; } = "";

    public string BlobETag { get; set; } = "";

    public string? Sha256 { get; set; }

    public string? Kind { get; set; }

    /// <summary>The dataset's parsing settings the file was read with (the pipeline's parsing fingerprint).</summary>
    public string? Parsing { get; set; }

    public string Status { get; set; } = IngestionStatuses.Queued;

    public long RowsRead { get; set; }

    public long Accepted { get; set; }

    public long Rejected { get; set; }

    /// <summary>What a person should know: the reason a file was rejected, the duplicate it matches, extra columns.</summary>
    public string? Message { get; set; }

    /// <summary>Detected encoding, delimiter, decimal separator and date order, as text.</summary>
    public string? Format { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int Attempts { get; set; }
}
