using Centric.Domain.Exports;

namespace Centric.Domain.Families;

/// <summary>
/// Rows of one export kind, column by column, typed by the canonical schema: text for ids, codes and text; numbers for
/// numbers and sentiments (the sentiment's label is the text column <c>{name}_label</c>); <see cref="EventTime"/> for
/// timestamps; decimals for money and rates. A missing cell is null.
/// </summary>
public sealed class ExportRows
{
    private readonly IReadOnlyDictionary<string, Array> _columns;

    public ExportRows(ExportKind kind, int count, IReadOnlyDictionary<string, Array> columns)
    {
        Kind = kind;
        Count = count;
        _columns = columns;
    }

    public ExportKind Kind { get; }

    public int Count { get; }

    public IReadOnlyList<string?> Text(string column) => Column<string?>(column);

    public IReadOnlyList<double?> Number(string column) => Column<double?>(column);

    public IReadOnlyList<decimal?> Money(string column) => Column<decimal?>(column);

    public IReadOnlyList<EventTime?> Time(string column) => Column<EventTime?>(column);

    /// <summary>The rows <paramref name="keep"/> holds true for, in their order, with the same columns.</summary>
    public ExportRows Where(Func<int, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var kept = Enumerable.Range(0, Count).Where(keep).ToArray();
        var columns = new Dictionary<string, Array>(StringComparer.Ordinal);
        foreach (var (name, values) in _columns)
        {
            var copy = Array.CreateInstance(values.GetType().GetElementType()!, kept.Length);
            for (var i = 0; i < kept.Length; i++)
            {
                Array.Copy(values, kept[i], copy, i, 1);
            }

            columns[name] = copy;
        }

        return new ExportRows(Kind, kept.Length, columns);
    }

    private T[] Column<T>(string column) =>
        _columns.TryGetValue(column, out var values) && values is T[] typed
            ? typed
            : throw new ArgumentException($"Column '{column}' of {Kind.ToSlug()} was not read as {typeof(T).Name}.", nameof(column));
}
