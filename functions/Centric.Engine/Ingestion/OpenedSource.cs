namespace Centric.Engine.Ingestion;

/// <summary>A source file opened as records, with how it was read; or why it cannot be read.</summary>
internal sealed record OpenedSource(
    IRecordSource? Source, string EncodingName, char Delimiter, bool HasBom, string? Failure);
