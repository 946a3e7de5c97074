namespace Centric.Storage.Queues;

/// <summary>Ingest one blob of the exports container (queue <c>ingest</c>).</summary>
public sealed record IngestMessage(string Blob, string? ETag = null);
