namespace Centric.Engine.Ingestion;

/// <summary>One record of a source file: its first physical line (XLSX: sheet row) and raw fields.
/// <paramref name="Typed"/> marks workbook cells stored as numbers or dates, already in invariant form.</summary>
internal readonly record struct SourceRecord(long Line, string[] Fields, bool[]? Typed = null)
{
    public bool IsTyped(int index) => Typed is { } typed && index >= 0 && index < typed.Length && typed[index];

    public bool IsBlank => Array.TrueForAll(Fields, string.IsNullOrWhiteSpace);
}
