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

    /// <summary>Read again, with changed parsing settings or as a newer version of the blob: its rows no longer count.</summary>
    public const string Superseded = "superseded";

    /// <summary>Infrastructure kept failing; the message went to the poison queue.</summary>
    public const string Failed = "failed";

    public static bool IsDone(string status) => status is Succeeded or SucceededWithRejects or Rejected or Duplicate or Superseded;
}
