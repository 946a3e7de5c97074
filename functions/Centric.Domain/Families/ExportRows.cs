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

    /// <summary>Hands each row, in order, to <paramref name="visit"/>, its cells by their position in <paramref name="columns"/>.</summary>
    public void Scan(IReadOnlyList<string> columns, Action<IExportRow> visit)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(visit);
        var row = new Row(columns.Select(c => _columns.TryGetValue(c, out var values)
            ? values
            : throw new ArgumentException($"Column '{c}' of {Kind.ToSlug()} was not read.", nameof(columns))).ToArray());
        for (row.Index = 0; row.Index < Count; row.Index++)
        {
            visit(row);
        }
    }

    private T[] Column<T>(string column) =>
        _columns.TryGetValue(column, out var values) && values is T[] typed
            ? typed
            : throw new ArgumentException($"Column '{column}' of {Kind.ToSlug()} was not read as {typeof(T).Name}.", nameof(column));

    /// <summary>One row of these columns, moved along them by its index.</summary>
    private sealed class Row(Array[] columns) : IExportRow
    {
        public int Index { get; set; }

        public string? Text(int column) => Cell<string?>(column);

        public double? Number(int column) => Cell<double?>(column);

        public decimal? Money(int column) => Cell<decimal?>(column);

        public EventTime? Time(int column) => Cell<EventTime?>(column);

        private T Cell<T>(int column) => columns[column] is T[] typed
            ? typed[Index]
            : throw new ArgumentException($"Column {column} was not read as {typeof(T).Name}.", nameof(column));
    }
}
