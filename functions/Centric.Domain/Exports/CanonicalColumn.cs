namespace Centric.Domain.Exports;

/// <summary>A canonical column of an export kind: snake_case name, type and whether a file must carry it.</summary>
public sealed record CanonicalColumn(string Name, ColumnType Type, bool Required);
