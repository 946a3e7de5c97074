namespace Centric.Domain.Metrics;

/// <summary>Arrays of segment numbers compared by their contents, in order, for finding a combination met before.</summary>
internal sealed class SegmentNumbersComparer : IEqualityComparer<int[]>
{
    public static SegmentNumbersComparer Instance { get; } = new();

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] obj)
    {
        var hash = default(HashCode);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
        return hash.ToHashCode();
    }
}
