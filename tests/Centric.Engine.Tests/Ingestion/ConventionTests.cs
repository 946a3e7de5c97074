using System.Globalization;
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

    [Fact]
    public void Orders_MonthFirstDatesOnlyAfterManyIsoRows_AreReadMonthFirstWithOnlyTheirOwnRejects()
    {
        // 30,000 rows whose ISO dates tell nothing about day/month order, then the only rows that do: one month-first,
        // one ambiguous, one that reads only day-first. With one vote each way, a file that does not look European is
        // read month first, as if every row had been scanned before any was converted.
        var text = new StringBuilder(Header);
        for (var i = 1; i <= 30_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},c,2025-{1 + (i % 12):00}-{1 + (i % 28):00},{i % 100}\n");
        }

        text.Append("30001,c,02/13/2025,1\n30002,c,02/03/2025,2\n30003,c,25/02/2025,3\n");

        var result = scratch.IngestText("orders.csv", text.ToString());

        Assert.Equal(new DetectedFormat("utf-8", ',', '.', "mdy", false), result.Format);
        Assert.Equal((30_003L, 30_002L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            [new object?[] { "30001", new DateOnly(2025, 2, 13) }, ["30002", new DateOnly(2025, 2, 3)]],
            scratch.Query("SELECT order_id, CAST(order_date AS DATE) FROM curated WHERE _line > 30001 ORDER BY _line"));
        Assert.Equal(new DateOnly(2025, 2, 2), scratch.Query("SELECT CAST(order_date AS DATE) FROM curated WHERE order_id = '1'")[0][0]);
        Assert.Equal(
            ["line,column,value,reason", "30004,order_date,25/02/2025,order_date '25/02/2025' is not a date"],
            scratch.RejectLines());
        Assert.Equal(new RejectedRow(30_004, "order_date", "25/02/2025", "order_date '25/02/2025' is not a date"), Assert.Single(result.SampleRejects));
    }

    [Fact]
    public void Orders_CommaDecimalsOnlyAfterManyWholeAmounts_AreReadWithACommaSeparator()
    {
        // Whole amounts tell nothing about the decimal separator, nor do ISO dates about day/month order; the only
        // evidence is in the last rows, and the conventions it gives hold for the whole file.
        var text = new StringBuilder(Header);
        for (var i = 1; i <= 20_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},c,2025-03-01,{i % 50}\n");
        }

        text.Append("20001,c,2025-03-01,\"7,25\"\n20002,c,2025-03-01,\"0,5\"\n20003,c,2025-03-01,1.5\n");

        var result = scratch.IngestText("orders.csv", text.ToString());

        Assert.Equal(new DetectedFormat("utf-8", ',', ',', "ymd", false), result.Format);
        Assert.Equal((20_003L, 20_002L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            [new object?[] { "20000", 0m }, ["20001", 7.25m], ["20002", 0.5m]],
            scratch.Query("SELECT order_id, amount FROM curated WHERE _line > 20000 ORDER BY _line"));
        Assert.Equal(
            ["line,column,value,reason", "20004,amount,1.5,\"amount '1.5' is not a number (decimal separator ',')\""],
            scratch.RejectLines());
    }
}
