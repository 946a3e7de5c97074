using Centric.Domain.Exports;
using Centric.Engine.Ingestion;
using Centric.Engine.Settings;
using Centric.Engine.Tests.Ingestion;

namespace Centric.Engine.Tests.Settings;

public sealed class DatasetConfigurationTests : IDisposable
{
    private const string Mapping = """{"orders": {"Ref": "order_id", "Cuenta": "customer_id", "Día": "order_date", "Importe total": "amount"}}""";
    private const string Export = "Ref,Cuenta,Día,Importe total\nR1,A1,2026-10-01,42.10\nR2,A2,2026-10-02,7\n";

    private readonly IngestionScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Theory]
    [InlineData("orders_2026-10.csv", null)]
    [InlineData("export.csv", ExportKind.Orders)]
    public void Mapping_IsChosenOnceTheKindIsKnown_FromTheFolderOrTheFileName(string fileName, ExportKind? folderKind)
    {
        var configuration = DatasetConfiguration.Parse(null, Mapping);
        var path = scratch.WriteText(fileName, Export);

        var result = new ExportIngestor().Ingest(IngestRequest.ForDataset(
            path, fileName, folderKind, configuration, "ing-1", IngestionScratch.IngestedAt, null, scratch.CuratedPath, scratch.RejectsPath));

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Equal(ExportKind.Orders, result.Kind);
        Assert.Equal(2, result.Accepted);
    }

    [Fact]
    public void Mapping_LetsTheHeaderTellTheKind_WhenOnlyMappedNamesAreThere()
    {
        var configuration = DatasetConfiguration.Parse(null, Mapping);
        var path = scratch.WriteText("export.csv", Export);

        var result = new ExportIngestor().Ingest(IngestRequest.ForDataset(
            path, "export.csv", null, configuration, "ing-1", IngestionScratch.IngestedAt, null, scratch.CuratedPath, scratch.RejectsPath));

        Assert.Equal(ExportKind.Orders, result.Kind);
        Assert.Equal(IngestionStatus.Succeeded, result.Status);
    }

    [Fact]
    public void Today_IsTheDatasetsDay_SoLaterRowsAreRejectedAsFuture()
    {
        var configuration = DatasetConfiguration.Parse("""{"timeZone": "Pacific/Auckland"}""", Mapping);
        var path = scratch.WriteText("orders.csv", Export);
        // 2026-10-01 13:00 UTC is already 2026-10-02 in Auckland: the first row is past, the second is today, none is future.
        var now = new DateTimeOffset(2026, 10, 1, 13, 0, 0, TimeSpan.Zero);

        var result = new ExportIngestor().Ingest(IngestRequest.ForDataset(
            path, "orders.csv", ExportKind.Orders, configuration, "ing-1", now, now, scratch.CuratedPath, scratch.RejectsPath));

        Assert.Equal(new DateOnly(2026, 10, 2), configuration.Settings.Today(now));
        Assert.Equal(2, result.Accepted);
        Assert.Equal(0, result.Rejected);
    }

    [Fact]
    public void MalformedFiles_FallBackToTheDefaults_AndSaySo()
    {
        var configuration = DatasetConfiguration.Parse("""{"inactivityDays": """, """{"invoices": {"a": "b"}}""");

        Assert.Equal(365, configuration.Settings.InactivityDays);
        Assert.Same(DatasetMapping.None, configuration.Mapping);
        Assert.Collection(
            configuration.Problems,
            p => Assert.StartsWith("settings.json is not valid", p, StringComparison.Ordinal),
            p => Assert.Contains("'invoices' is not an export kind", p, StringComparison.Ordinal));
    }

    [Fact]
    public void ParsingFingerprint_ChangesWithTheMapping_NotWithComputeSettings()
    {
        var plain = DatasetConfiguration.Parse("""{"inactivityDays": 90}""", null);
        var other = DatasetConfiguration.Parse("""{"inactivityDays": 30}""", null);
        var mapped = DatasetConfiguration.Parse(null, Mapping);

        Assert.Equal(plain.ParsingFingerprint, other.ParsingFingerprint);
        Assert.NotEqual(plain.ParsingFingerprint, mapped.ParsingFingerprint);
    }
}
