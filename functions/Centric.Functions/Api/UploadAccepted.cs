namespace Centric.Functions.Api;

/// <summary>The 202 answer to an upload: the queued ingestion and the URL to follow its status.</summary>
public sealed record UploadAccepted(string Id, string Dataset, string Blob, string Status, string StatusUrl);
