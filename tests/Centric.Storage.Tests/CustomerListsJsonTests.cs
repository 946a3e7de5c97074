using System.Text;
using System.Text.Json;
using Centric.Domain.Families.CustomerLists;
using Centric.Storage.Scores;

namespace Centric.Storage.Tests;

/// <summary>
/// The lists written list by list from the compact table are the very JSON the serializer gives the stored records
/// (<see cref="StoredCustomerLists.From"/>), byte for byte, so blobs written either way read the same.
/// </summary>
public sealed class CustomerListsJsonTests
{
    [Fact]
    public async Task TheListsOfAComputedShopAndSaasSample_AreTheSerializersJson_ByteForByte()
    {
        var lists = ComputedSample.Lists;

        // Every shape the blob holds: count lists with days, MRR movements with amounts and subscriptions, segments.
        Assert.IsType<CustomerListTable>(lists.Rows);
        Assert.Contains(lists.Rows, r => r.Metric == "active-customers" && r.Day is not null);
        Assert.Contains(lists.Rows, r => r.Movement < 0 && r.Subscriptions is { Count: > 0 });
        Assert.Contains(lists.Rows, r => r.Metric == "mrr-new" && r.MrrBefore == 0);
        Assert.NotEmpty(lists.Segments);
        Assert.True(lists.Rows.Count > 10_000, $"{lists.Rows.Count} rows");

        using var stream = new UnflushedStream();
        await CustomerListsJson.WriteAsync(stream, lists);
        var written = stream.ToArray();

        // Handed over in pieces, and the stream never flushed: a flush of the gzip stream ends a deflate block and
        // commits a block of the blob.
        Assert.True(stream.Writes > 1, $"{stream.Writes} writes of {written.Length} bytes");
        Assert.Equal(0, stream.Flushes);
        Assert.Equal(Serialized(lists).Length, written.Length);
        Assert.True(Serialized(lists).AsSpan().SequenceEqual(written), FirstDifference(Serialized(lists), written));
    }

    [Fact]
    public async Task ListsInterleavedAndEscaped_GivenAsRowsOrAsTheTable_AreTheSerializersJson_ByteForByte()
    {
        // Lists come back in the order of their first row, not contiguous; ids need escaping; amounts keep their scale.
        CustomerListRow[] rows =
        [
            new("active-customers", "month", "2026-01", new DateOnly(2026, 1, 1), "Müller & <Söhne>", new DateOnly(2026, 1, 31)),
            new("mrr-contraction", "month", "2026-01", new DateOnly(2026, 1, 1), "c\"2\"", null, 120.50m, 99.9m, -20.60m, ["s-1", "s\\2"]),
            new("active-customers", "quarter", "2026-Q1", new DateOnly(2026, 1, 1), "c3"),
            new("active-customers", "month", "2026-01", new DateOnly(2026, 1, 1), "c3", new DateOnly(2026, 1, 31)),
            new("mrr-churn", "month", "2026-01", new DateOnly(2026, 1, 1), "c4", null, 10m, 0m, -10m, []),
            new("mrr-new", "month", "0999-12", new DateOnly(999, 12, 1), "c5", null, null, 1.000000000000000000000000001m, null),
            new("mrr-contraction", "month", "2026-01", new DateOnly(2026, 1, 1), "日本", null, 79228162514264337593543950335m, 0.0001m, -1m),
        ];
        var segments = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["Müller & <Söhne>"] = ["country:DE", "segment:<b>"],
            ["c3"] = [],
        };
        var table = new CustomerListTable();
        foreach (var row in rows)
        {
            table.Add(row);
        }

        var fromRows = new CustomerListSet(rows, segments);
        Assert.Equal(Encoding.UTF8.GetString(Serialized(fromRows)), Encoding.UTF8.GetString(await WrittenAsync(fromRows)));
        Assert.Equal(Encoding.UTF8.GetString(Serialized(fromRows)), Encoding.UTF8.GetString(await WrittenAsync(new CustomerListSet(table, segments))));
        Assert.Equal(Serialized(CustomerListSet.Empty), await WrittenAsync(CustomerListSet.Empty));
    }

    private static byte[] Serialized(CustomerListSet lists) => JsonSerializer.SerializeToUtf8Bytes(StoredCustomerLists.From(lists), StoredCustomerLists.Json);

    private static async Task<byte[]> WrittenAsync(CustomerListSet lists)
    {
        using var stream = new MemoryStream();
        await CustomerListsJson.WriteAsync(stream, lists);
        return stream.ToArray();
    }

    private sealed class UnflushedStream : MemoryStream
    {
        public int Writes { get; private set; }

        public int Flushes { get; private set; }

        public override void Flush() => Flushes++;

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return Task.CompletedTask;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(buffer, cancellationToken);
        }
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        string Around(byte[] bytes) => Encoding.UTF8.GetString(bytes, Math.Max(0, at - 80), Math.Min(bytes.Length, at + 80) - Math.Max(0, at - 80));
        return $"first difference at byte {at}: expected …{Around(expected)}… but wrote …{Around(actual)}…";
    }
}
