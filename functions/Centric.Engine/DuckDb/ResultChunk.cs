using DuckDB.NET.Native;

namespace Centric.Engine.DuckDb;

/// <summary>
/// One data chunk of a query's result (up to a DuckDB vector of rows), its cells read straight from DuckDB's column
/// vectors: a number is a load, a text is a span of its UTF-8 bytes, and nothing is boxed or allocated per cell. The
/// values are those DuckDB.NET's data reader gives for the same cells (<c>GetInt64</c>, <c>GetDouble</c>,
/// <c>GetDecimal</c>, <c>GetString</c> or its conversion of <c>GetValue</c>). Valid only inside the visit it is handed
/// to: the next chunk reuses it.
/// </summary>
public sealed unsafe class ResultChunk
{
    /// <summary>10^0 to 10^28, the scales a decimal can have.</summary>
    private static readonly decimal[] PowersOfTen = [.. Enumerable.Range(0, 29).Select(i => Enumerable.Repeat(10m, i).Aggregate(1m, (p, t) => p * t))];

    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private readonly DuckDBType[] _types;
    private readonly DuckDBType[] _decimalStorage;
    private readonly byte[] _scales;
    private readonly void*[] _data;
    private readonly ulong*[] _validity;

    internal ResultChunk(DuckDBType[] types, DuckDBType[] decimalStorage, byte[] scales)
    {
        _types = types;
        _decimalStorage = decimalStorage;
        _scales = scales;
        _data = new void*[types.Length];
        _validity = new ulong*[types.Length];
    }

    /// <summary>The rows in this chunk.</summary>
    public int Count { get; private set; }

    /// <summary>Points the columns at <paramref name="chunk"/>'s vectors.</summary>
    internal void Reset(DuckDBDataChunk chunk, int count)
    {
        Count = count;
        for (var field = 0; field < _types.Length; field++)
        {
            var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, field);
            _data[field] = NativeMethods.Vectors.DuckDBVectorGetData(vector);
            _validity[field] = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
        }
    }

    /// <summary>Whether the cell is NULL (no validity mask means every cell of the vector is set).</summary>
    public bool IsNull(int field, int row)
    {
        var validity = _validity[field];
        return validity is not null && (validity[row >> 6] & (1UL << (row & 63))) == 0;
    }

    /// <summary>A 64-bit integer cell (BIGINT, or a smaller integer widened).</summary>
    public long WholeNumber(int field, int row) => _types[field] switch
    {
        DuckDBType.BigInt or DuckDBType.Timestamp => ((long*)_data[field])[row],
        DuckDBType.Integer => ((int*)_data[field])[row],
        DuckDBType.SmallInt => ((short*)_data[field])[row],
        DuckDBType.TinyInt => ((sbyte*)_data[field])[row],
        _ => throw NotRead(field, "a 64-bit integer"),
    };

    /// <summary>A DATE cell (days since 1970-01-01 as DuckDB stores it).</summary>
    public DateOnly Date(int field, int row) => _types[field] == DuckDBType.Date
        ? DateOnly.FromDayNumber(EpochDay + ((int*)_data[field])[row])
        : throw NotRead(field, "a date");

    /// <summary>A double cell; an integer or decimal cell converted as <see cref="Convert.ToDouble(object)"/> converts it.</summary>
    public double Real(int field, int row) => _types[field] switch
    {
        DuckDBType.Double => ((double*)_data[field])[row],
        DuckDBType.Float => ((float*)_data[field])[row],
        DuckDBType.Decimal => decimal.ToDouble(Exact(field, row)),
        _ => WholeNumber(field, row),
    };

    /// <summary>
    /// A decimal cell, its scale kept as DuckDB.NET keeps it (12.5 of a DECIMAL(18,4) is 12.5000); an integer or double
    /// cell converted as <see cref="Convert.ToDecimal(object)"/> converts it.
    /// </summary>
    public decimal Exact(int field, int row)
    {
        switch (_types[field])
        {
            case DuckDBType.Decimal:
                var scale = _scales[field];
                if (_decimalStorage[field] == DuckDBType.HugeInt && scale < PowersOfTen.Length)
                {
                    return Wide(((Int128*)_data[field])[row], scale);
                }

                var raw = _decimalStorage[field] switch
                {
                    DuckDBType.BigInt => ((long*)_data[field])[row],
                    DuckDBType.Integer => ((int*)_data[field])[row],
                    DuckDBType.SmallInt => ((short*)_data[field])[row],
                    _ => throw NotRead(field, "a decimal"),
                };
                var magnitude = raw < 0 ? (ulong)-raw : (ulong)raw;
                return new decimal((int)magnitude, (int)(magnitude >> 32), 0, raw < 0, scale);
            case DuckDBType.Double:
                return (decimal)((double*)_data[field])[row];
            case DuckDBType.Float:
                return (decimal)((float*)_data[field])[row];
            default:
                return WholeNumber(field, row);
        }
    }

    /// <summary>
    /// A decimal stored in 128 bits, as DuckDB.NET's reader converts it: the whole part, then the remainder divided by the
    /// scale's power of ten (a value past a decimal's 96 bits overflows, as it does there).
    /// </summary>
    private static decimal Wide(Int128 raw, byte scale)
    {
        var power = Int128.CreateChecked(PowersOfTen[scale]);
        var (whole, remainder) = Int128.DivRem(raw, power);
        return (decimal)whole + decimal.Divide((decimal)remainder, PowersOfTen[scale]);
    }

    /// <summary>A text cell's UTF-8 bytes, valid until the next chunk.</summary>
    public ReadOnlySpan<byte> Utf8(int field, int row)
    {
        if (_types[field] != DuckDBType.Varchar)
        {
            throw NotRead(field, "text");
        }

        var text = (DuckDBString*)_data[field] + row;
        return new ReadOnlySpan<byte>(text->Data, text->Length);
    }

    private InvalidOperationException NotRead(int field, string what) =>
        new($"Field {field} of the result is {_types[field]}, which is not read as {what}.");
}
