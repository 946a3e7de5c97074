namespace Centric.Domain.Exports;

/// <summary>
/// The canonical schema of one export kind. <see cref="EventColumn"/> is the timestamp that says when something happened
/// (an order placed, a ticket opened, ...): its latest day makes the dataset's as-of date. Kinds that describe rather than
/// record events (customers, fx rates) have none.
/// </summary>
public sealed record ExportSchema(
    ExportKind Kind,
    IReadOnlyList<CanonicalColumn> Columns,
    IReadOnlyList<string> NaturalKey,
    IReadOnlyList<TimestampOrder> TimestampOrders,
    string? EventColumn = null)
{
    public IEnumerable<CanonicalColumn> RequiredColumns => Columns.Where(c => c.Required);

    public CanonicalColumn? Find(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
