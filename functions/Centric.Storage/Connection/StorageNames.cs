namespace Centric.Storage.Connection;

/// <summary>
/// The containers, queues and tables of docs/architecture.md. A suffix gives a test its own set in a shared account.
/// </summary>
public sealed record StorageNames(string Suffix = "")
{
    public string Exports => "exports" + Suffix;

    public string Curated => "curated" + Suffix;

    public string Rejects => "rejects" + Suffix;

    public string Scores => "scores" + Suffix;

    public string IngestQueue => "ingest" + Suffix;

    public string RecomputeQueue => "recompute" + Suffix;

    public string IngestionsTable => "ingestions" + Suffix;

    public string SnapshotsTable => "snapshots" + Suffix;

    public string DatasetsTable => "datasets" + Suffix;

    public string KeysTable => "keys" + Suffix;

    public IReadOnlyList<string> Containers => [Exports, Curated, Rejects, Scores];

    /// <summary>Work queues and their poison queues.</summary>
    public IReadOnlyList<string> Queues => [IngestQueue, IngestQueue + "-poison", RecomputeQueue, RecomputeQueue + "-poison"];

    public IReadOnlyList<string> Tables => [IngestionsTable, SnapshotsTable, DatasetsTable, KeysTable];
}
