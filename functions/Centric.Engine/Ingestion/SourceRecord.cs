namespace Centric.Engine.Ingestion;

/// <summary>One record of a source file: its first physical line (XLSX: sheet row) and raw fields.</summary>
internal readonly record struct SourceRecord(long Line, string[] Fields)
{
    public bool IsBlank => Array.TrueForAll(Fields, string.IsNullOrWhiteSpace);
}
