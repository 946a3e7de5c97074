namespace Centric.Domain.Exports;

/// <summary>Where each canonical column of a kind sits in a file's header.</summary>
/// <param name="ColumnIndexes">Canonical column name to zero-based source column index (absent: not in the file).</param>
/// <param name="Missing">Required canonical columns the header lacks.</param>
/// <param name="Ignored">Source headers that map to no canonical column (or to one already taken).</param>
/// <param name="UsesEuropeanNames">Some header was matched through a Spanish or Italian name.</param>
public sealed record HeaderMapping(
    IReadOnlyDictionary<string, int> ColumnIndexes,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Ignored,
    bool UsesEuropeanNames)
{
    public bool IsComplete => Missing.Count == 0;
}
