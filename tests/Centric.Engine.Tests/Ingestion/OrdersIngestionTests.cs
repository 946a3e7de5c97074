using System.Text;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Engine.Ingestion;

namespace Centric.Engine.Tests.Ingestion;

public sealed class OrdersIngestionTests : IDisposable
{
    private readonly IngestionScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Orders_CommaDelimitedPointDecimals_AcceptsEveryRowWithExactValues()
    {
        var result = scratch.IngestText(
            "orders_2026-10.csv",
            "order_id,customer_id,order_date,amount,currency,status\n" +
            "0001,C-007,2026-10-01,\"1,234.50\",eur,Completed\n" +
            "0002,C-008,2026-10-02T14:30:00,99.99,USD,\n");

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Equal(ExportKind.Orders, result.Kind);
        Assert.Equal((2L, 2L, 0L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(new DetectedFormat("utf-8", ',', '.', "ymd", false), result.Format);
        var rows = scratch.Query(
            "SELECT order_id, customer_id, CAST(order_date AS VARCHAR), amount, currency, status, _line FROM curated ORDER BY _line");
        Assert.Equal(["0001", "C-007", "2026-10-01 00:00:00", 1234.50m, "EUR", "completed", 2L], rows[0]);
        Assert.Equal(["0002", "C-008", "2026-10-02 14:30:00", 99.99m, "USD", "completed", 3L], rows[1]);
    }

    [Fact]
    public void Orders_SemicolonCommaDecimalsSpanishHeaders_ReadsDayFirstDates()
    {
        var result = scratch.IngestText(
            "pedidos.csv",
            "Id Pedido;Código Cliente;Fecha Pedido;Importe;Moneda;Estado\n" +
            "P-1;C1;03/04/2026;1.234,56;EUR;pagado\n" +
            "P-2;C2;25/04/2026;12,5;EUR;cancelado\n");

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Equal(ExportKind.Orders, result.Kind);
        Assert.Equal(';', result.Format!.Delimiter);
        Assert.Equal(',', result.Format.DecimalSeparator);
        Assert.Equal("dmy", result.Format.DateOrder);
        var rows = scratch.Query("SELECT order_id, CAST(order_date AS DATE), amount, status FROM curated ORDER BY _line");
        Assert.Equal(["P-1", new DateOnly(2026, 4, 3), 1234.56m, "completed"], rows[0]);
        Assert.Equal(["P-2", new DateOnly(2026, 4, 25), 12.5m, "cancelled"], rows[1]);
    }

    [Fact]
    public void Orders_ItalianHeaders_MapsCodiceClienteImportoDataOrdine()
    {
        var result = scratch.IngestText(
            "ordini_ottobre.csv",
            "numero_ordine;codice_cliente;data_ordine;importo;stato\n" +
            "IT-9;000123;15.10.2026;1.000,00;annullato\n" +
            "IT-10;000124;16.10.2026;250;rimborsato\n");

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        var rows = scratch.Query("SELECT order_id, customer_id, CAST(order_date AS DATE), amount, status, currency FROM curated ORDER BY _line");
        Assert.Equal(["IT-9", "000123", new DateOnly(2026, 10, 15), 1000m, "cancelled", null], rows[0]);
        Assert.Equal(["IT-10", "000124", new DateOnly(2026, 10, 16), 250m, "refunded", null], rows[1]);
    }

    [Fact]
    public void Orders_Utf16LittleEndianWithBom_IsDecoded()
    {
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount\nA1,Jürgen,2026-10-01,10.5\n",
            encoding: new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Equal("utf-16le", result.Format!.Encoding);
        Assert.True(result.Format.HasBom);
        Assert.Equal(["A1", "Jürgen", 10.5m], scratch.Query("SELECT order_id, customer_id, amount FROM curated")[0]);
    }

    [Fact]
    public void Orders_Windows1252WithEuroSignAndAccents_IsDecoded()
    {
        var cp1252 = CodePagesEncoding();
        var result = scratch.IngestText(
            "orders.csv",
            "order_id;cliente;fecha;importe\nO1;José Peña;01/10/2026;€ 1.234,50\nO2;Françoise;02/10/2026;-15,00 €\n",
            encoding: cp1252);

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Equal("windows-1252", result.Format!.Encoding);
        var rows = scratch.Query("SELECT customer_id, amount FROM curated ORDER BY _line");
        Assert.Equal(["José Peña", 1234.50m], rows[0]);
        Assert.Equal(["Françoise", -15m], rows[1]);
    }

    [Theory]
    [InlineData('\t')]
    [InlineData('|')]
    public void Orders_TabAndPipeDelimiters_AreSniffed(char delimiter)
    {
        var d = delimiter.ToString();
        var result = scratch.IngestText(
            "orders.txt",
            string.Join(d, "order_id", "customer_id", "order_date", "amount") + "\n" +
            string.Join(d, "1", "c1", "2026-10-01", "5.25") + "\n" +
            string.Join(d, "2", "c2", "2026-10-02", "1,005.25") + "\n");

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Equal(delimiter, result.Format!.Delimiter);
        Assert.Equal([5.25m, 1005.25m], scratch.Query("SELECT amount FROM curated ORDER BY _line").Select(r => r[0]));
    }

    [Fact]
    public void Orders_ExplicitMapping_WinsOverSynonyms()
    {
        var mapping = new Dictionary<string, string>
        {
            ["Importe total"] = "amount",
            ["Ref"] = "order_id",
            ["Cuenta"] = "customer_id",
            ["Día"] = "order_date",
        };
        var result = scratch.IngestText(
            "export.csv",
            "Ref,Cuenta,Día,Importe total,total\nR1,A1,2026-10-01,42.10,999\n",
            kind: ExportKind.Orders,
            mapping: mapping);

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Contains("ignored columns: total", result.Message, StringComparison.Ordinal);
        Assert.Equal(["R1", "A1", 42.10m], scratch.Query("SELECT order_id, customer_id, amount FROM curated")[0]);
    }

    [Fact]
    public void Orders_StatusSynonyms_AreNormalisedAndUnknownStatusIsRejected()
    {
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount,status\n" +
            "1,c,2026-10-01,1,Shipped\n2,c,2026-10-01,1,canceled\n3,c,2026-10-01,1,refund\n" +
            "4,c,2026-10-01,1,pending\n5,c,2026-10-01,1,COMPLETATO\n6,c,2026-10-01,1,Entregue\n7,c,2026-10-01,1,limbo\n");

        Assert.Equal(IngestionStatus.SucceededWithRejects, result.Status);
        Assert.Equal((7L, 6L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            ["completed", "cancelled", "refunded", "pending", "completed", "completed"],
            scratch.Query("SELECT status FROM curated ORDER BY _line").Select(r => r[0]));
        var reject = Assert.Single(result.SampleRejects);
        Assert.Equal((8L, "status", "limbo"), (reject.Line, reject.Column, reject.Value));
        Assert.StartsWith("status 'limbo' is not a known order status: use completed (delivered", reject.Reason, StringComparison.Ordinal);
        Assert.EndsWith("map it in mapping.json: {\"orders\": {\"values\": {\"status\": {\"limbo\": \"completed\"}}}}", reject.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("processing"), InlineData("invoiced"), InlineData("approved"), InlineData("delivered"), InlineData("shipped")]
    [InlineData("canceled"), InlineData("unavailable"), InlineData("created")]
    public void Orders_OlistStatuses_AreAllAccepted(string status)
    {
        var result = scratch.IngestText("orders.csv", $"order_id,customer_id,order_date,amount,status\n1,c,2026-10-01,1,{status}\n");

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
    }

    [Fact]
    public void Orders_NegativeAmountsAndDuplicateIds_AreAllKept()
    {
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount\n1,c,2026-10-01,(12.50)\n1,c,2026-10-01,30.00-\n2,c,2026-10-02,-7\n");

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Equal(
            [-12.50m, -30m, -7m],
            scratch.Query("SELECT amount FROM curated ORDER BY _line").Select(r => r[0]));
        Assert.Equal(2L, scratch.Query("SELECT count(*) FROM curated WHERE order_id = '1'")[0][0]);
    }

    [Fact]
    public void Orders_AmbiguousSlashDatesWithPointDecimals_ReadMonthFirstUnlessSettingsSayOtherwise()
    {
        const string Content = "order_id,customer_id,order_date,amount\n1,c,03/04/2026,1.5\n";
        var auto = scratch.IngestText("orders.csv", Content);
        Assert.Equal("mdy", auto.Format!.DateOrder);
        Assert.Equal(new DateOnly(2026, 3, 4), scratch.Query("SELECT CAST(order_date AS DATE) FROM curated")[0][0]);

        var dmy = scratch.IngestText("orders.csv", Content, settings: new DatasetSettings { DateOrder = DateOrder.Dmy });
        Assert.Equal("dmy", dmy.Format!.DateOrder);
        Assert.Equal(new DateOnly(2026, 4, 3), scratch.Query("SELECT CAST(order_date AS DATE) FROM curated")[0][0]);
    }

    [Fact]
    public void Orders_KindFromHeader_WhenNameAndFolderSayNothing()
    {
        var result = scratch.IngestText("export-final.csv", "id_pedido,cliente,fecha,total\n1,c,2026-10-01,3\n");

        Assert.Equal(ExportKind.Orders, result.Kind);
        Assert.Equal(IngestionStatus.Succeeded, result.Status);
    }

    [Fact]
    public void Orders_QuotedFieldWithLineBreak_KeepsPhysicalLineNumbers()
    {
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount,status\n1,\"ACME\nEurope\",2026-10-01,1,\n2,c,2026-10-01,oops,\n");

        Assert.Equal((2L, 1L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(["ACME\nEurope", 2L], scratch.Query("SELECT customer_id, _line FROM curated")[0]);
        Assert.Equal(4, Assert.Single(result.SampleRejects).Line);
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
