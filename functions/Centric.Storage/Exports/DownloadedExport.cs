namespace Centric.Storage.Exports;

/// <summary>A blob copied to a local file, with the SHA-256 of its bytes (hex, lower-case) and the ETag read.</summary>
public sealed record DownloadedExport(string LocalPath, string Sha256, string ETag, long Size, DateTimeOffset LastModified);
