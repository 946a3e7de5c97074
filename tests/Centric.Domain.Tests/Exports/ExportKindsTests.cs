using Centric.Domain.Exports;

namespace Centric.Domain.Tests.Exports;

public class ExportKindsTests
{
    [Fact]
    public void ToSlug_EveryKind_RoundTripsThroughTryParse()
    {
        foreach (var kind in Enum.GetValues<ExportKind>())
        {
            Assert.True(ExportKinds.TryParse(kind.ToSlug(), out var parsed));
            Assert.Equal(kind, parsed);
        }

        Assert.Equal("fx-rates", ExportKind.FxRates.ToSlug());
        Assert.False(ExportKinds.TryParse("invoices", out _));
    }

    [Theory]
    [InlineData("orders_2026-10.csv", ExportKind.Orders)]
    [InlineData("fx-rates.csv", ExportKind.FxRates)]
    [InlineData("FX_RATES_2026.xlsx", ExportKind.FxRates)]
    [InlineData("exports/acme/Customers.csv", ExportKind.Customers)]
    [InlineData("pedidos-octubre.csv", ExportKind.Orders)]
    [InlineData("surveys2026.csv", ExportKind.Surveys)]
    public void TryFromFileName_KindPrefix_IsRecognised(string fileName, ExportKind expected)
    {
        Assert.True(ExportKinds.TryFromFileName(fileName, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("ordersummary.csv")]
    [InlineData("report.csv")]
    [InlineData("")]
    public void TryFromFileName_NoKindPrefix_IsNotGuessed(string fileName) =>
        Assert.False(ExportKinds.TryFromFileName(fileName, out _));

    [Fact]
    public void Schemas_EveryKind_HasItsNaturalKeyAmongItsRequiredColumns()
    {
        foreach (var kind in Enum.GetValues<ExportKind>())
        {
            var schema = ExportSchemas.For(kind);
            Assert.All(schema.NaturalKey, key => Assert.True(schema.Find(key)?.Required));
            Assert.All(schema.TimestampOrders, o => Assert.Equal(ColumnType.Timestamp, schema.Find(o.Later)?.Type));
        }
    }
}
