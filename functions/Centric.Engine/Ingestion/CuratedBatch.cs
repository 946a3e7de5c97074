namespace Centric.Engine.Ingestion;

/// <summary>
/// Up to <see cref="BatchedAppend.BatchSize"/> curated rows held column by column in typed arrays: decimals, doubles,
/// timestamps as ticks, 64-bit integers, and text as ranges of one character buffer per batch. The validating thread
/// stores each cell without boxing it or making a string of it, and the writer copies a column at a time into a
/// DuckDB vector. A row being filled is dropped (its text space given back) when the next one starts without
/// <see cref="Keep"/>.
/// </summary>
internal sealed class CuratedBatch
{
    private readonly bool[][] present;
    private readonly decimal[]?[] decimals;
    private readonly double[]?[] doubles;
    private readonly long[]?[] longs;
    private readonly int[]?[] textStarts;
    private readonly int[]?[] textLengths;
    private char[] chars = new char[1 << 16];
    private int used;
    private int kept;

    public CuratedBatch(IReadOnlyList<CuratedColumn> columns)
    {
        var width = columns.Count;
        present = new bool[width][];
        decimals = new decimal[]?[width];
        doubles = new double[]?[width];
        longs = new long[]?[width];
        textStarts = new int[]?[width];
        textLengths = new int[]?[width];
        for (var i = 0; i < width; i++)
        {
            present[i] = new bool[BatchedAppend.BatchSize];
            switch (columns[i].SqlType)
            {
                case CuratedColumns.Varchar:
                    textStarts[i] = new int[BatchedAppend.BatchSize];
                    textLengths[i] = new int[BatchedAppend.BatchSize];
                    break;
                case CuratedColumns.Money or CuratedColumns.Rate:
                    decimals[i] = new decimal[BatchedAppend.BatchSize];
                    break;
                case CuratedColumns.Real:
                    doubles[i] = new double[BatchedAppend.BatchSize];
                    break;
                default:
                    longs[i] = new long[BatchedAppend.BatchSize];
                    break;
            }
        }
    }

    /// <summary>The rows kept so far.</summary>
    public int Count { get; private set; }

    /// <summary>Starts filling row <see cref="Count"/>, dropping whatever a row not kept had stored.</summary>
    public int Begin()
    {
        used = kept;
        return Count;
    }

    /// <summary>Keeps the row being filled.</summary>
    public void Keep()
    {
        kept = used;
        Count++;
    }

    public void Clear()
    {
        Count = 0;
        used = 0;
        kept = 0;
    }

    public void SetNull(int row, int column) => present[column][row] = false;

    public void SetText(int row, int column, ReadOnlySpan<char> text)
    {
        if (used + text.Length > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(used + text.Length, chars.Length * 2));
        }

        text.CopyTo(chars.AsSpan(used));
        textStarts[column]![row] = used;
        textLengths[column]![row] = text.Length;
        used += text.Length;
        present[column][row] = true;
    }

    public void SetDecimal(int row, int column, decimal value)
    {
        decimals[column]![row] = value;
        present[column][row] = true;
    }

    public void SetDouble(int row, int column, double value)
    {
        doubles[column]![row] = value;
        present[column][row] = true;
    }

    /// <summary>Stores a timestamp as its ticks.</summary>
    public void SetTimestamp(int row, int column, DateTime value) => SetLong(row, column, value.Ticks);

    public void SetLong(int row, int column, long value)
    {
        longs[column]![row] = value;
        present[column][row] = true;
    }

    public bool IsPresent(int row, int column) => present[column][row];

    public ReadOnlySpan<char> Text(int row, int column) => chars.AsSpan(textStarts[column]![row], textLengths[column]![row]);

    public double? Double(int row, int column) => present[column][row] ? doubles[column]![row] : null;

    public string? TextOrNull(int row, int column) => present[column][row] ? Text(row, column).ToString() : null;

    public ReadOnlySpan<decimal> Decimals(int column) => decimals[column];

    public ReadOnlySpan<double> Doubles(int column) => doubles[column];

    /// <summary>A timestamp column's ticks or a 64-bit integer column's values.</summary>
    public ReadOnlySpan<long> Longs(int column) => longs[column];
}
