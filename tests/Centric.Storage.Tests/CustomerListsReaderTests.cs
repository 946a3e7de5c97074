using System.IO.Compression;
using System.Text;
using Centric.Domain.Families.CustomerLists;
using Centric.Storage.Scores;

namespace Centric.Storage.Tests;

/// <summary>
/// The stored customer lists read token by token into the compact table give exactly the set the serializer's records
/// gave, however the stream hands the bytes over; JSON cut short or not the lists' fails naming the blob.
/// </summary>
public sealed class CustomerListsReaderTests
{
    private const string Blob = "scores/shop/g1.customers.json";

    /// <summary>Escapes, non-ASCII ids, extreme and scaled amounts, null and empty details, empty lists, unknown properties.</summary>
    private const string HandMade = """
        {
          "segments": {
            "Müller & <Söhne>": ["country:DE", "segment:<b>"],
            "c\"2\"": ["country:FR"],
            "\u65e5\u672c": [],
            "😀": ["tier:\u00e9lite", "country:DE"]
          },
          "ignored": {"nested": [1, {"lists": []}, [[]]], "x": null, "y": "z"},
          "lists": [
            {"metric": "active-customers", "grain": "month", "period": "2026-01", "periodStart": "2026-01-01", "note": [[], {}],
             "customers": [
                {"customerId": "Müller & <Söhne>", "day": "2026-01-31"},
                {"customerId": "c\"2\"", "day": null},
                {"customer\u0049d": "\ud83d\ude00", "day": "2026\u002d01-31", "extra": {"a": [1, 2, {"b": null}]}},
                {"customerId": "日本", "day": "0001-01-01"},
                {"customerId": "back\\slash\/and\ttab\u0000nul"}
             ]},
            {"metric": "new-customers", "grain": "month", "period": "2026-02", "periodStart": "2026-02-01", "customers": []},
            {"metric": "mrr-contraction", "grain": "month", "period": "2026-01", "periodStart": "2026-01-01",
             "customers": [
                {"customerId": "c\"2\"", "mrrBefore": 79228162514264337593543950335, "mrrAfter": 0.0000000000000000000000000001,
                 "movement": -79228162514264337593543950335, "subscriptions": ["s-1", "s\\2", "s-1"]},
                {"customerId": "c4", "mrrBefore": null, "mrrAfter": null, "movement": null, "subscriptions": null},
                {"customerId": "c5", "mrrBefore": 50.0000, "mrrAfter": 1.000000000000000000000000001, "movement": -0, "subscriptions": []},
                {"movement": -0.00, "mrrAfter": 12.5e-3, "customerId": "c6", "mrrBefore": 1E+2}
             ]},
            {"metric": "active-customers", "grain": "month", "period": "2026-01", "periodStart": "2026-01-01",
             "customers": [{"customerId": "c7", "day": "9999-12-31"}]}
          ]
        }
        """;

    public static TheoryData<int> Pieces => [1, 2, 3, 7, 13, 1021, 4096, 65_537, int.MaxValue];

    [Theory]
    [MemberData(nameof(Pieces))]
    public async Task TheListsOfAComputedShopAndSaasSample_ReadInAnyPieces_AreTheSetTheRecordsGave(int piece)
    {
        var json = await WrittenAsync(ComputedSample.Lists);
        var expected = StoredCustomerLists.Read(json);
        Assert.Contains(expected.Lists, l => l.Customers.Any(c => c.Subscriptions is { Count: > 0 } && c.Movement < 0));
        Assert.True(expected.Rows().Count > 10_000, $"{expected.Rows().Count} rows");

        var stream = new PiecewiseStream(json, piece);
        ListsAssert.SameSet(expected, await CustomerListsReader.ReadAsync(stream, Blob));
        Assert.True(piece > json.Length || stream.Reads > json.Length / piece, $"{stream.Reads} reads");
    }

    [Fact]
    public async Task TheListsOfAComputedSample_ThroughGzip_AreTheSetTheRecordsGave()
    {
        var json = await WrittenAsync(ComputedSample.Lists);
        using var zipped = new MemoryStream();
        await using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(json);
        }

        zipped.Position = 0;
        await using var unzipped = new GZipStream(zipped, CompressionMode.Decompress);
        ListsAssert.SameSet(StoredCustomerLists.Read(json), await CustomerListsReader.ReadAsync(unzipped, Blob));
    }

    [Theory]
    [MemberData(nameof(Pieces))]
    public async Task AHandMadeSet_ReadInAnyPieces_IsTheSetTheRecordsGave(int piece)
    {
        var json = Encoding.UTF8.GetBytes(HandMade);

        var read = await CustomerListsReader.ReadAsync(new PiecewiseStream(json, piece), Blob);

        ListsAssert.SameSet(StoredCustomerLists.Read(json), read);

        // And read as written, not only as the serializer reads it.
        var rows = read!.Rows;
        Assert.Equal(10, rows.Count);
        Assert.Equal(new CustomerListRow("active-customers", "month", "2026-01", new DateOnly(2026, 1, 1), "😀", new DateOnly(2026, 1, 31)), rows[2]);
        Assert.Equal("back\\slash/and\ttab\0nul", rows[4].CustomerId);
        Assert.Equal(("c\"2\"", 79228162514264337593543950335m, 0.0000000000000000000000000001m, -79228162514264337593543950335m),
            (rows[5].CustomerId, rows[5].MrrBefore, rows[5].MrrAfter, rows[5].Movement));
        Assert.Equal(["s-1", "s\\2", "s-1"], rows[5].Subscriptions!);
        Assert.Equal((null, null, null, null), (rows[6].MrrBefore, rows[6].MrrAfter, rows[6].Movement, rows[6].Subscriptions));
        Assert.Equal(("50.0000", "1.000000000000000000000000001"), (rows[7].MrrBefore!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[7].MrrAfter!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(rows[7].Subscriptions!);
        Assert.Equal((100m, 0.0125m, 0m), (rows[8].MrrBefore, rows[8].MrrAfter, rows[8].Movement));
        Assert.Equal(new DateOnly(9999, 12, 31), rows[9].Day);

        // The empty list adds no list; the second run of a list joins the first.
        var table = Assert.IsType<CustomerListTable>(rows);
        Assert.Equal(2, table.ListCount);
        Assert.Equal(["tier:élite", "country:DE"], read.Segments["😀"]);
        Assert.Empty(read.Segments["日本"]);
    }

    [Theory]
    [InlineData(1021)]
    [InlineData(65_537)]
    [InlineData(int.MaxValue)]
    public async Task TextLongerThanTheReadersBuffer_IsReadWhole(int piece)
    {
        var id = string.Concat(Enumerable.Repeat("id-\\u00e9-\\\"-", 40_000));
        var json = Encoding.UTF8.GetBytes(
            $$"""{"segments":{"{{id}}":["k"]},"lists":[{"metric":"m","grain":"g","period":"p","periodStart":"2026-01-01","customers":[{"customerId":"{{id}}"},{"customerId":"short"}]}]}""");
        Assert.True(json.Length > 2 * 256 * 1024, $"{json.Length} bytes");

        var read = await CustomerListsReader.ReadAsync(new PiecewiseStream(json, piece), Blob);

        ListsAssert.SameSet(StoredCustomerLists.Read(json), read);
        Assert.Equal(40_000 * "id-é-\"-".Length, read!.Rows[0].CustomerId.Length);
    }

    [Fact]
    public async Task JsonNull_IsNoLists() =>
        Assert.Null(await CustomerListsReader.ReadAsync(new MemoryStream("null"u8.ToArray()), Blob));

    [Fact]
    public async Task EveryCutOfTheJson_FailsNamingTheBlob_NeverGivingPartOfTheSet()
    {
        var json = Encoding.UTF8.GetBytes(HandMade);
        for (var length = 0; length < json.Length; length++)
        {
            var cut = json[..length];
            var e = await Assert.ThrowsAsync<UnreadableBlobException>(() => CustomerListsReader.ReadAsync(new PiecewiseStream(cut, 97), Blob));
            Assert.Contains(Blob, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AGzipStreamCutShort_FailsNamingTheBlob()
    {
        var json = await WrittenAsync(ComputedSample.Lists);
        using var zipped = new MemoryStream();
        await using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(json);
        }

        var cut = zipped.ToArray()[..(int)(zipped.Length / 2)];
        await using var unzipped = new GZipStream(new MemoryStream(cut), CompressionMode.Decompress);
        var e = await Assert.ThrowsAsync<UnreadableBlobException>(() => CustomerListsReader.ReadAsync(unzipped, Blob));
        Assert.Contains(Blob, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("""{"segments":{}}""")]
    [InlineData("""{"lists":[]}""")]
    [InlineData("""{"segments":null,"lists":[]}""")]
    [InlineData("""{"segments":{},"lists":[]}x""")]
    [InlineData("""{"segments":{},"lists":[]}{}""")]
    [InlineData("""{"segments":{},"lists":[],}""")]
    [InlineData("""{"segments":{"c1":"k"},"lists":[]}""")]
    [InlineData("""{"segments":{"c1":[1]},"lists":[]}""")]
    [InlineData("""{"segments":{},"lists":[{"metric":1,"grain":"g","period":"p","periodStart":"2026-01-01","customers":[]}]}""")]
    [InlineData("""{"segments":{},"lists":[{"metric":"m","grain":"g","period":"p","periodStart":"2026-13-01","customers":[]}]}""")]
    [InlineData("""{"segments":{},"lists":[{"metric":"m","grain":"g","period":"p","periodStart":"2026-1-01","customers":[]}]}""")]
    [InlineData("""{"segments":{},"lists":[{"metric":"m","grain":"g","period":"p","customers":[]}]}""")]
    [InlineData("""{"segments":{},"lists":[{"customers":[{"customerId":"c1"}],"metric":"m","grain":"g","period":"p","periodStart":"2026-01-01"}]}""")]
    [InlineData("""{"segments":{},"lists":[{"metric":"m","grain":"g","period":"p","periodStart":"2026-01-01","customers":[{"day":"2026-01-02"}]}]}""")]
    [InlineData("""{"segments":{},"lists":[{"metric":"m","grain":"g","period":"p","periodStart":"2026-01-01","customers":[{"customerId":null}]}]}""")]
    [InlineData("""{"segments":{},"lists":[{"metric":"m","grain":"g","period":"p","periodStart":"2026-01-01","customers":[{"customerId":"c1","day":"2026-02-30"}]}]}""")]
    [InlineData("""{"segments":{},"lists":[{"metric":"m","grain":"g","period":"p","periodStart":"2026-01-01","customers":[{"customerId":"c1","mrrBefore":1e40}]}]}""")]
    [InlineData("""{"segments":{},"lists":[{"metric":"m","grain":"g","period":"p","periodStart":"2026-01-01","customers":[{"customerId":"c1","mrrBefore":true}]}]}""")]
    [InlineData("""{"segments":{},"lists":[{"metric":"m","grain":"g","period":"p","periodStart":"2026-01-01","customers":[{"customerId":"c1","subscriptions":"s1"}]}]}""")]
    [InlineData("""{"segments":{},"lists":[{"metric":"m","grain":"g","period":"p","periodStart":"2026-01-01","customers":{}}]}""")]
    [InlineData("""{"segments":{},"lists":[{"metric":"m","grain":"g","period":"p","periodStart":"2026-01-01","customers":[{"customerId":"c1"},]}]}""")]
    public async Task JsonThatIsNotTheLists_FailsNamingTheBlob(string json)
    {
        var e = await Assert.ThrowsAsync<UnreadableBlobException>(() => CustomerListsReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), Blob));
        Assert.Contains(Blob, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextThatIsNotUtf8_FailsNamingTheBlob()
    {
        // "c" followed by 0xC3 0x28, which is no UTF-8 sequence.
        byte[] json = [.. Encoding.UTF8.GetBytes("{\"segments\":{\"c"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\":[]},\"lists\":[]}")];
        var e = await Assert.ThrowsAsync<UnreadableBlobException>(() => CustomerListsReader.ReadAsync(new MemoryStream(json), Blob));
        Assert.Contains(Blob, e.Message, StringComparison.Ordinal);
    }

    private static async Task<byte[]> WrittenAsync(CustomerListSet lists)
    {
        using var stream = new MemoryStream();
        await CustomerListsJson.WriteAsync(stream, lists);
        return stream.ToArray();
    }
}
