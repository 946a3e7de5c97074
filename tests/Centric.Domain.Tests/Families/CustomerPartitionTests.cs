using Centric.Domain.Families.Fanout;

namespace Centric.Domain.Tests.Families;

public sealed class CustomerPartitionTests
{
    /// <summary>The published FNV-1a 64-bit test vectors (offset basis for the empty string).</summary>
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Hash_IsFnv1a64OfTheUtf8Bytes(string text, ulong expected) => Assert.Equal(expected, CustomerPartition.Hash(text));

    [Fact]
    public void Hash_OfALongNonAsciiId_HashesItsUtf8Bytes()
    {
        var id = new string('é', 300);
        var expected = 0xcbf29ce484222325UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(id))
        {
            expected = (expected ^ b) * 1099511628211UL;
        }

        Assert.Equal(expected, CustomerPartition.Hash(id));
    }

    [Fact]
    public void EveryCustomer_IsInExactlyOnePartition_AndCustomerlessRowsInTheFirst()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => $"C{i:D5}").ToArray();
        var partitions = Enumerable.Range(0, 7).Select(k => new CustomerPartition(k, 7)).ToArray();
        Assert.All(ids, id => Assert.Single(partitions, p => p.Contains(id)));
        Assert.All(ids, id => Assert.True(partitions[(int)(CustomerPartition.Hash(id) % 7)].Contains(id)));
        Assert.True(partitions[0].Contains(null));
        Assert.All(partitions.Skip(1), p => Assert.False(p.Contains(null)));

        // 1,000 ids spread over 7 partitions: none is empty or holds more than twice its share.
        Assert.All(partitions, p => Assert.InRange(ids.Count(p.Contains), 1, 2 * 1000 / 7));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 2)]
    [InlineData(2, 2)]
    public void OutOfRange_IsRejected(int index, int count) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new CustomerPartition(index, count));
}
