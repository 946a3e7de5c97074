using System.Text;

namespace Centric.Domain.Families.Fanout;

/// <summary>
/// Partition <see cref="Index"/> of <see cref="Count"/> of a dataset's customers: a customer belongs to the partition
/// its id's 64-bit FNV-1a hash (over the id's UTF-8 bytes) falls in, modulo the count. The hash is the same on every
/// machine and in every process (unlike <see cref="string.GetHashCode()"/>), so every invocation of a fanned-out
/// compute agrees on who belongs where. Events without a customer belong to partition 0.
/// </summary>
public sealed record CustomerPartition
{
    public CustomerPartition(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    public int Index { get; }

    public int Count { get; }

    public bool Contains(string? customerId) => Of(customerId, Count) == Index;

    /// <summary>The partition of <paramref name="customerId"/> among <paramref name="count"/>.</summary>
    public static int Of(string? customerId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return customerId is null ? 0 : (int)(Hash(customerId) % (ulong)count);
    }

    /// <summary>64-bit FNV-1a of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static ulong Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offset;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(text) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(text, buffer)]
            : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= prime;
        }

        return hash;
    }
}
