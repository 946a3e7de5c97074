namespace Centric.Engine.Ingestion;

/// <summary>One bad cell of a rejected row: physical line (XLSX: sheet row), canonical column, raw value, reason.
/// A row-level problem (wrong number of fields) has column <c>*</c>. In the rejects list a value longer than 200
/// characters is cut and its length stated (<see cref="RejectedValue"/>).</summary>
public sealed record RejectedRow(long Line, string Column, string? Value, string Reason);
