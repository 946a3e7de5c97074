using Centric.Domain.Exports;

namespace Centric.Domain.Tests.Exports;

public class HeaderMapperTests
{
    private static readonly ExportSchema Orders = ExportSchemas.For(ExportKind.Orders);

    [Theory]
    [InlineData("Customer ID", "customerid")]
    [InlineData("customer_id", "customerid")]
    [InlineData("CUSTOMER-ID", "customerid")]
    [InlineData("Código Cliente", "codigocliente")]
    [InlineData("  Importo (€) ", "importo")]
    [InlineData("Priorità", "priorita")]
    [InlineData("Fecha de pedido", "fechapedido")]
    [InlineData("Data dell'ordine", "dataordine")]
    [InlineData("de", "de")]
    [InlineData("", "")]
    public void Normalize_IgnoresCaseSpacesSeparatorsAndAccents(string header, string expected) =>
        Assert.Equal(expected, HeaderNormalizer.Normalize(header));

    [Theory]
    [InlineData("customer_id", "amount", "order_date", "order_id")]
    [InlineData("id_cliente", "importe", "fecha_pedido", "id_pedido")]
    [InlineData("Codice Cliente", "Importo", "Data Ordine", "Numero Ordine")]
    [InlineData("cliente", "total", "fecha", "id")]
    [InlineData("Customer", "Totale", "Date", "Order No")]
    public void Map_EnglishSpanishItalianNames_FindEveryRequiredOrderColumn(
        string customer, string amount, string date, string order)
    {
        var mapping = HeaderMapper.Map(Orders, [order, customer, date, amount, "notes"]);

        Assert.True(mapping.IsComplete);
        Assert.Equal(0, mapping.ColumnIndexes["order_id"]);
        Assert.Equal(1, mapping.ColumnIndexes["customer_id"]);
        Assert.Equal(2, mapping.ColumnIndexes["order_date"]);
        Assert.Equal(3, mapping.ColumnIndexes["amount"]);
        Assert.Equal(["notes"], mapping.Ignored);
    }

    [Fact]
    public void Map_SpanishNames_AreReportedAsEuropeanEvidence()
    {
        Assert.True(HeaderMapper.Map(Orders, ["id_pedido", "cliente", "fecha", "importe"]).UsesEuropeanNames);
        Assert.False(HeaderMapper.Map(Orders, ["order_id", "customer", "date", "total"]).UsesEuropeanNames);
    }

    [Fact]
    public void Map_ExplicitMapping_WinsAndTheDisplacedHeaderIsIgnored()
    {
        var mapping = HeaderMapper.Map(
            Orders,
            ["order_id", "customer_id", "order_date", "amount", "Importe total"],
            new Dictionary<string, string> { ["importe TOTAL"] = "amount" });

        Assert.Equal(4, mapping.ColumnIndexes["amount"]);
        Assert.Equal(["amount"], mapping.Ignored);
    }

    [Fact]
    public void Map_MissingRequiredColumns_AreListed()
    {
        var mapping = HeaderMapper.Map(Orders, ["id", "fecha", "notes"]);

        Assert.False(mapping.IsComplete);
        Assert.Equal(["customer_id", "amount"], mapping.Missing);
    }

    [Fact]
    public void Map_SameWordInAnotherKind_MapsToThatKindsColumn()
    {
        var mapping = HeaderMapper.Map(ExportSchemas.For(ExportKind.FxRates), ["fecha", "moneda", "tipo de cambio"]);

        Assert.True(mapping.IsComplete);
        Assert.Equal(0, mapping.ColumnIndexes["date"]);
        Assert.Equal(2, mapping.ColumnIndexes["rate"]);
    }
}
