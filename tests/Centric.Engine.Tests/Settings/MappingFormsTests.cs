using Centric.Domain.Exports;
using Centric.Engine.Ingestion;
using Centric.Engine.Settings;
using Centric.Engine.Tests.Ingestion;

namespace Centric.Engine.Tests.Settings;

public sealed class MappingFormsTests : IDisposable
{
    private const string ShortForm = """{"orders": {"Ref": "order_id", "Cuenta": "customer_id", "Día": "order_date", "Importe total": "amount"}}""";

    private const string LongForm = """
        {"orders": {
            "columns": {"Ref": "order_id", "Cuenta": "customer_id", "Día": "order_date", "Importe total": "amount", "Estado": "status"},
            "values": {"status": {"Entregado parcial": "completed", "En revisión": "pending"}}}}
        """;

    private const string Export =
        "Ref,Cuenta,Día,Importe total,Estado\nR1,A1,2026-10-01,42.10,entregado parcial\nR2,A2,2026-10-02,7,En revisión\nR3,A3,2026-10-02,7,Perdido\n";

    private readonly IngestionScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void LongForm_MapsColumnsAndValues_BeforeValidation()
    {
        var configuration = DatasetConfiguration.Parse(null, LongForm);
        var path = scratch.WriteText("export.csv", Export);

        var result = new ExportIngestor().Ingest(IngestRequest.ForDataset(
            path, "export.csv", null, configuration, "ing-1", IngestionScratch.IngestedAt, null, scratch.CuratedPath, scratch.RejectsPath));

        Assert.Empty(configuration.Problems);
        Assert.Equal(ExportKind.Orders, result.Kind);
        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(["completed", "pending"], scratch.Query("SELECT status FROM curated ORDER BY _line").Select(r => r[0]));
        Assert.StartsWith("status 'Perdido' is not a known order status", Assert.Single(result.SampleRejects).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BothForms_MapTheSameColumns()
    {
        Assert.True(SettingsReader.TryReadMapping(ShortForm, out var shortForm, out _));
        Assert.True(SettingsReader.TryReadMapping(LongForm, out var longForm, out _));

        Assert.Equal(shortForm.ColumnsOf(ExportKind.Orders)!["Importe total"], longForm.ColumnsOf(ExportKind.Orders)!["importe total"]);
        Assert.Null(shortForm.ValuesOf(ExportKind.Orders));
        Assert.Equal("pending", longForm.ValuesOf(ExportKind.Orders)!["status"]["en revisión"]);
    }

    [Fact]
    public void ParsingFingerprint_ChangesWithTheValues()
    {
        var one = DatasetConfiguration.Parse(null, LongForm);
        var other = DatasetConfiguration.Parse(null, LongForm.Replace("\"En revisión\": \"pending\"", "\"En revisión\": \"completed\"", StringComparison.Ordinal));

        Assert.NotEqual(one.ParsingFingerprint, other.ParsingFingerprint);
        Assert.Equal(DatasetConfiguration.Parse(null, ShortForm).Mapping.Describe(), new DatasetMapping(
            DatasetConfiguration.Parse(null, ShortForm).Mapping.Columns).Describe());
    }

    [Theory]
    [InlineData("""{"orders": {"values": {"estado": {"x": "completed"}}}}""", "orders.values.estado: 'estado' is not a column of orders")]
    [InlineData("""{"orders": {"values": {"status": {"x": "done"}}}}""", "'x' is mapped to 'done', which is not one of completed, cancelled, refunded, pending")]
    [InlineData("""{"orders": {"columns": {"a": "amount"}, "rows": {}}}""", "the long form of a kind has only \"columns\" and \"values\"")]
    [InlineData("""{"orders": {"columns": {"a": 1}}}""", "orders.columns.a must be text")]
    public void LongForm_Mistakes_SayWhatIsAccepted(string json, string expected)
    {
        Assert.False(SettingsReader.TryReadMapping(json, out var mapping, out var error));
        Assert.Same(DatasetMapping.None, mapping);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
