namespace Centric.Storage.Exports;

/// <summary>A blob in the landing container, as listed.</summary>
public sealed record ExportBlob(string Name, string ETag, long Size, DateTimeOffset? LastModified);
