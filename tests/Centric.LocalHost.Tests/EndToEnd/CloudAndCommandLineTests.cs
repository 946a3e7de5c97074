using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Centric.Cli;
using Centric.Domain.Metrics;
using Centric.Domain.Snapshots;
using Centric.Engine.Compute;
using Centric.Engine.Samples;
using Centric.Storage.Connection;
using Centric.Storage.Snapshots;
using Centric.Testing;

namespace Centric.LocalHost.Tests.EndToEnd;

/// <summary>
/// One exports folder, two ways in: dropped into the exports container and run by the local host through the real
/// handler (scan, ingest, compute, publish), and run by <c>centric compute</c>. Both use the engine's one
/// ingest-and-compute recipe, so every snapshot row agrees on every field but the generation and when it was computed.
/// </summary>
public sealed class CloudAndCommandLineTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Dataset = "twin";
    private const string Settings = """{"inactivityDays": 90, "fiscalYearStartMonth": 4, "timeZone": "Europe/Madrid"}""";
    private readonly string _root = Directory.CreateTempSubdirectory("centric-twin-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task SameExportsFolder_GivesTheSameSnapshotRows_InTheCloudAndOnTheCommandLine()
    {
        var exports = WriteExports();
        var cliRows = RunCommandLine(exports);

        await using var host = RealHandlerHost.Create(azurite);
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = host.ApiBaseUrl };
        var container = new BlobContainerClient(azurite.ConnectionString, "exports");
        await container.CreateIfNotExistsAsync();
        await container.UploadBlobAsync($"{Dataset}/settings.json", BinaryData.FromString(Settings));
        foreach (var file in Directory.EnumerateFiles(exports, "*.csv", SearchOption.AllDirectories))
        {
            await container.UploadBlobAsync($"{Dataset}/{Path.GetRelativePath(exports, file).Replace('\\', '/')}", BinaryData.FromBytes(await File.ReadAllBytesAsync(file)));
        }

        var twin = await WaitForAllKindsAsync(client, Dataset, 3, TimeSpan.FromSeconds(300));
        var cloudRows = await ReadGenerationAsync(Dataset, (string)twin["generation"]!);

        Assert.True(cliRows.Count > 1000, $"only {cliRows.Count} rows: the sample is too small to compare.");
        Assert.Equal(cliRows[0].AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)twin["asOf"]);
        Assert.Equal(cliRows.Select(Comparable).Order(StringComparer.Ordinal), cloudRows.Select(Comparable).Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task OlistExportWithItsMapping_GivesTheSameSnapshotRows_InTheCloudAndOnTheCommandLine()
    {
        const string olist = "olist";
        var exports = Directory.CreateDirectory(Path.Combine(_root, olist)).FullName;
        Directory.CreateDirectory(Path.Combine(exports, "orders"));
        File.WriteAllText(Path.Combine(exports, "orders", OlistExport.FileName), OlistExport.OrdersCsv());
        File.WriteAllText(Path.Combine(exports, "mapping.json"), OlistExport.MappingJson);
        File.WriteAllText(Path.Combine(exports, "settings.json"), OlistExport.SettingsJson);
        var cliRows = RunCommandLine(exports);

        await using var host = RealHandlerHost.Create(azurite);
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = host.ApiBaseUrl };
        var container = new BlobContainerClient(azurite.ConnectionString, "exports");
        await container.CreateIfNotExistsAsync();
        foreach (var name in new[] { "mapping.json", "settings.json", "orders/" + OlistExport.FileName })
        {
            await container.UploadBlobAsync($"{olist}/{name}", BinaryData.FromBytes(await File.ReadAllBytesAsync(Path.Combine(exports, name))));
        }

        var dataset = await WaitForAllKindsAsync(client, olist, 1, TimeSpan.FromSeconds(300));
        var cloudRows = await ReadGenerationAsync(olist, (string)dataset["generation"]!);

        Assert.Contains(cliRows, r => r.Metric == "revenue" && r.Unit == "BRL");
        Assert.Equal(cliRows.Select(Comparable).Order(StringComparer.Ordinal), cloudRows.Select(Comparable).Order(StringComparer.Ordinal));
    }

    private string WriteExports()
    {
        var exports = Directory.CreateDirectory(Path.Combine(_root, Dataset)).FullName;
        var options = new SampleOptions(Customers: 150, Years: 2, Seed: 11);
        Write(Path.Combine(exports, "customers", "customers.csv"), w => SampleExports.WriteCustomersCsv(w, options));
        Write(Path.Combine(exports, "orders", "orders.csv"), w => SampleExports.WriteOrdersCsv(w, options));
        Write(Path.Combine(exports, "fx-rates", "fx-rates.csv"), w => SampleExports.WriteFxRatesCsv(w, options));
        File.WriteAllText(Path.Combine(exports, "settings.json"), Settings);
        return exports;

        static void Write(string path, Action<TextWriter> write)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var writer = new StreamWriter(path);
            write(writer);
        }
    }

    private List<SnapshotRow> RunCommandLine(string exports)
    {
        var output = Path.Combine(_root, "out");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CentricCli.Run(["compute", "--exports", exports, "--out", output], stdout, stderr);
        Assert.True(exit == CentricCli.Success, stderr.ToString());
        return JsonSerializer.Deserialize<List<SnapshotRow>>(File.ReadAllText(Path.Combine(output, "snapshots.json")), JsonSerializerOptions.Web)!;
    }

    private static async Task<JsonNode> WaitForAllKindsAsync(HttpClient client, string dataset, int kinds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var datasets = await client.GetFromJsonAsync<JsonArray>("datasets");
            var twin = datasets!.FirstOrDefault(d => (string?)d!["dataset"] == dataset);
            if (twin?["generation"] is not null && twin["kinds"]!.AsArray().Count == kinds)
            {
                return twin;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The dataset was not computed from all {kinds} kinds within {timeout.TotalSeconds} s.");
            await Task.Delay(500);
        }
    }

    private async Task<List<SnapshotRow>> ReadGenerationAsync(string dataset, string generation)
    {
        var store = new SnapshotStore(StorageClients.FromConnectionString(azurite.ConnectionString));
        var rows = new List<SnapshotRow>();
        foreach (var metric in MetricCatalog.All)
        {
            foreach (var grain in DatasetComputer.AllGrains)
            {
                var grainName = Domain.Time.GrainNames.ToName(grain);
                rows.AddRange(await store.ReadAsync(dataset, generation, default, default, new SnapshotQuery(metric.Id, grainName, Segment: null, Preset: null)));
            }
        }

        return rows;
    }

    /// <summary>Every field but the generation and when it was computed (the table keeps the as-of date on the dataset).</summary>
    private static string Comparable(SnapshotRow r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.Dataset}|{r.Metric}|{r.Grain}|{r.Period}|{r.PeriodStart:yyyy-MM-dd}|{r.PeriodEnd:yyyy-MM-dd}|{r.Segment}|{r.Value}|{r.Numerator}|{r.Denominator}|{r.Unit}|{r.Preset}|{r.DefinitionVersion}|{r.Partial}|{r.LowSample}|{r.Warning}");
}
