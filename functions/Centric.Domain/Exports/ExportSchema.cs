namespace Centric.Domain.Exports;

/// <summary>The canonical schema of one export kind.</summary>
public sealed record ExportSchema(
    ExportKind Kind,
    IReadOnlyList<CanonicalColumn> Columns,
    IReadOnlyList<string> NaturalKey,
    IReadOnlyList<TimestampOrder> TimestampOrders)
{
    public IEnumerable<CanonicalColumn> RequiredColumns => Columns.Where(c => c.Required);

    public CanonicalColumn? Find(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
