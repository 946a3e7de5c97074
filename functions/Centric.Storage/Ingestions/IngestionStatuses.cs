namespace Centric.Storage.Ingestions;

/// <summary>The statuses of a ledger entry.</summary>
public static class IngestionStatuses
{
    /// <summary>Seen by the scan and queued for ingestion.</summary>
    public const string Queued = "queued";

    /// <summary>Every row accepted.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Usable file; some rows rejected (see the rejects).</summary>
    public const string SucceededWithRejects = "succeeded-with-rejects";

    /// <summary>The file could not be used (empty, not text, missing required column, unknown kind): see the error.</summary>
    public const string Rejected = "rejected";

    /// <summary>The same bytes were already ingested for this dataset: nothing new to read.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Infrastructure kept failing; the message went to the poison queue.</summary>
    public const string Failed = "failed";

    public static bool IsDone(string status) => status is Succeeded or SucceededWithRejects or Rejected or Duplicate;
}
