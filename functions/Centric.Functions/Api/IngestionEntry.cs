namespace Centric.Functions.Api;

/// <summary>
/// An ingestion ledger entry: the file, its status and row counts; <see cref="Rejects"/> links to the rejected rows
/// when there are any.
/// </summary>
public sealed record IngestionEntry(
    string Id,
    string Dataset,
    string Blob,
    string? Kind,
    string Status,
    long RowsRead,
    long Accepted,
    long Rejected,
    string? Message,
    string? Format,
    string? Sha256,
    DateTimeOffset QueuedAt,
    DateTimeOffset? CompletedAt,
    int Attempts,
    string? Rejects);
