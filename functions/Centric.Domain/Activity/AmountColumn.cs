namespace Centric.Domain.Activity;

/// <summary>
/// A column of decimal amounts held as one 64-bit integer a value (8 bytes instead of 16) while every value fits: the
/// value's integer digits shifted left by five bits, its scale (0–28) in those five bits, and its sign as the integer's.
/// Each value reads back as the very decimal that was added, scale included, so sums and rows are unchanged. Values of
/// different scales fit alike: DuckDB hands a <c>DECIMAL(38,4)</c> sum back with its trailing zeros dropped (12.5,
/// 12.34, 0), so one column holds many scales. The first value that does not fit (more than 2^58 in its integer
/// digits, about 17 digits, or a negative zero of scale 0) turns the column into decimals.
/// </summary>
internal sealed class AmountColumn
{
    private const int ScaleBits = 5;
    private const long ScaleMask = (1 << ScaleBits) - 1;
    private const ulong MaxMagnitude = (1UL << (63 - ScaleBits)) - 1;

    private long[]? _packed;
    private decimal[]? _decimals;

    /// <summary>An empty column that grows as values are added.</summary>
    public AmountColumn()
        : this(0)
    {
    }

    /// <summary>An empty column with room for <paramref name="capacity"/> values before it grows.</summary>
    public AmountColumn(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _packed = new long[capacity];
    }

    public int Count { get; private set; }

    /// <summary>True while every value is held in 8 bytes; false once one did not fit and the column became decimals.</summary>
    public bool IsPacked => _decimals is null;

    public decimal this[int index]
    {
        get
        {
            if (_decimals is not null)
            {
                return _decimals[index];
            }

            var packed = _packed![index];
            var bits = (ulong)(packed < 0 ? -packed : packed);
            var magnitude = bits >> ScaleBits;
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, packed < 0, (byte)(bits & ScaleMask));
        }
    }

    public void Add(decimal value)
    {
        if (_decimals is null && TryPack(value, out var packed))
        {
            if (_packed!.Length == Count)
            {
                Array.Resize(ref _packed, Grow(Count));
            }

            _packed[Count++] = packed;
            return;
        }

        if (_decimals is null)
        {
            ToDecimals();
        }

        if (_decimals!.Length == Count)
        {
            Array.Resize(ref _decimals, Grow(Count));
        }

        _decimals[Count++] = value;
    }

    /// <summary>Drops the spare capacity once the last value is added.</summary>
    public void Trim()
    {
        if (_decimals is not null && _decimals.Length != Count)
        {
            Array.Resize(ref _decimals, Count);
        }
        else if (_packed is not null && _packed.Length != Count)
        {
            Array.Resize(ref _packed, Count);
        }
    }

    private static int Grow(int count) => Math.Max(1024, count + (count / 2));

    private static bool TryPack(decimal value, out long packed)
    {
        packed = 0;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        var magnitude = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (bits[2] != 0 || magnitude > MaxMagnitude || (negative && magnitude == 0 && scale == 0))
        {
            return false;
        }

        var unsigned = (long)((magnitude << ScaleBits) | (uint)scale);
        packed = negative ? -unsigned : unsigned;
        return true;
    }

    private void ToDecimals()
    {
        var decimals = new decimal[Math.Max(Count, 1024)];
        for (var i = 0; i < Count; i++)
        {
            decimals[i] = this[i];
        }

        (_decimals, _packed) = (decimals, null);
    }
}
