namespace Centric.Domain.Exports;

/// <summary>
/// A canonical column of an export kind: snake_case name, type and whether a file must carry it. A timestamp with
/// <see cref="MayBeAhead"/> may lie after today (a subscription's scheduled end); every other timestamp after today is
/// rejected as future.
/// </summary>
public sealed record CanonicalColumn(string Name, ColumnType Type, bool Required, bool MayBeAhead = false);
