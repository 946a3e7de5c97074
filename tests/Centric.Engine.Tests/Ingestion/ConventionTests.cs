using System.Text;
using Centric.Engine.Ingestion;

namespace Centric.Engine.Tests.Ingestion;

public sealed class ConventionTests : IDisposable
{
    private const string Header = "order_id,customer_id,order_date,amount\n";

    private readonly IngestionScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    public static TheoryData<string, string, bool> Encodings() => new()
    {
        { "utf-8-bom", "utf-8", true },
        { "utf-16be", "utf-16be", true },
        { "utf-8", "utf-8", false },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Orders_UnicodeEncodings_AreDetectedFromBomOrContent(string encoding, string detected, bool bom)
    {
        Encoding writer = encoding switch
        {
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF8Encoding(false),
        };

        var result = scratch.IngestText("orders.csv", Header + "1,Zoë Ångström,2026-10-01,1\n", encoding: writer);

        Assert.Equal(new DetectedFormat(detected, ',', '.', "ymd", bom), result.Format);
        Assert.Equal("Zoë Ångström", scratch.Query("SELECT customer_id FROM curated")[0][0]);
    }

    [Fact]
    public void Orders_ValueWithBothSeparatorsInACommaFile_DecidesCommaDecimals()
    {
        var result = scratch.IngestText("orders.csv", Header + "1,c,2026-10-01,\"1.234,50\"\n2,c,2026-10-01,\"7,5\"\n3,c,2026-10-01,7.5\n");

        Assert.Equal(',', result.Format!.DecimalSeparator);
        Assert.Equal([1234.50m, 7.5m], scratch.Query("SELECT amount FROM curated ORDER BY _line").Select(r => r[0]));
        Assert.Equal("amount '7.5' is not a number (decimal separator ',')", Assert.Single(result.SampleRejects).Reason);
    }

    [Fact]
    public void Orders_OnlyAmbiguousThousandsInASemicolonFile_ReadCommaAsDecimal()
    {
        var result = scratch.IngestText("orders.csv", "order_id;customer_id;order_date;amount\n1;c;2026-10-01;1,234\n");

        Assert.Equal(',', result.Format!.DecimalSeparator);
        Assert.Equal(1.234m, scratch.Query("SELECT amount FROM curated")[0][0]);
    }

    [Fact]
    public void Orders_DecimalSeparatorSetting_WinsOverTheFile()
    {
        var settings = new Domain.Datasets.DatasetSettings { DecimalSeparator = Domain.Datasets.DecimalSeparator.Point };
        var result = scratch.IngestText(
            "orders.csv", "order_id;customer_id;order_date;amount\n1;c;2026-10-01;1,5\n2;c;2026-10-01;1.5\n", settings: settings);

        Assert.Equal('.', result.Format!.DecimalSeparator);
        Assert.Equal((1L, 1L), (result.Accepted, result.Rejected));
    }

    [Fact]
    public void Orders_MostlyDayFirstDates_RejectTheRowsThatOnlyReadMonthFirst()
    {
        var result = scratch.IngestText(
            "orders.csv",
            Header + "1,c,25/10/2026,1\n2,c,26/10/2026,1\n3,c,03/04/2026,1\n4,c,10/31/2026,1\n");

        Assert.Equal("dmy", result.Format!.DateOrder);
        Assert.Equal(
            [new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 26), new DateOnly(2026, 4, 3)],
            scratch.Query("SELECT CAST(order_date AS DATE) FROM curated ORDER BY _line").Select(r => r[0]));
        Assert.Equal(new RejectedRow(5, "order_date", "10/31/2026", "order_date '10/31/2026' is not a date"), Assert.Single(result.SampleRejects));
    }

    [Fact]
    public void Orders_AmbiguousDatesWithSpanishHeaders_ReadDayFirst()
    {
        var result = scratch.IngestText("pedidos.csv", "id_pedido,cliente,fecha,importe\n1,c,03/04/2026,10\n");

        Assert.Equal("dmy", result.Format!.DateOrder);
        Assert.Equal(new DateOnly(2026, 4, 3), scratch.Query("SELECT CAST(order_date AS DATE) FROM curated")[0][0]);
    }
}
