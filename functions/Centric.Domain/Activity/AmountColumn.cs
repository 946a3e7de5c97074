namespace Centric.Domain.Activity;

/// <summary>
/// A column of decimal amounts held as 64-bit integers of one scale (8 bytes a value instead of 16) while every value
/// fits: each value reads back as the very decimal that was added, scale included, so sums and rows are unchanged. The
/// first value that does not fit (another scale, more than 18 digits, a negative zero) turns the column into decimals.
/// </summary>
internal sealed class AmountColumn
{
    private long[]? _units = [];
    private decimal[]? _decimals;
    private byte _scale;
    private bool _scaleSet;

    public int Count { get; private set; }

    public decimal this[int index]
    {
        get
        {
            if (_decimals is not null)
            {
                return _decimals[index];
            }

            var units = _units![index];
            var magnitude = units < 0 ? (ulong)-units : (ulong)units;
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, _scale);
        }
    }

    public void Add(decimal value)
    {
        if (_decimals is null && TryUnits(value, out var units))
        {
            if (_units!.Length == Count)
            {
                Array.Resize(ref _units, Grow(Count));
            }

            _units[Count++] = units;
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
        else if (_units is not null && _units.Length != Count)
        {
            Array.Resize(ref _units, Count);
        }
    }

    private static int Grow(int count) => Math.Max(1024, count + (count / 2));

    private bool TryUnits(decimal value, out long units)
    {
        units = 0;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        var negative = bits[3] < 0;
        if (bits[2] != 0 || bits[1] < 0 || (negative && bits[0] == 0 && bits[1] == 0) || (_scaleSet && scale != _scale))
        {
            return false;
        }

        if (!_scaleSet)
        {
            (_scale, _scaleSet) = (scale, true);
        }

        var magnitude = ((long)bits[1] << 32) | (uint)bits[0];
        units = negative ? -magnitude : magnitude;
        return true;
    }

    private void ToDecimals()
    {
        var decimals = new decimal[Math.Max(Count, 1024)];
        for (var i = 0; i < Count; i++)
        {
            decimals[i] = this[i];
        }

        (_decimals, _units) = (decimals, null);
    }
}
