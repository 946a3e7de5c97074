using System.Globalization;
using System.Text;
using Centric.Domain.Exports;
using Centric.Engine.Compute;
using Centric.Engine.DuckDb;
using Centric.Engine.Local;
using Centric.Engine.Settings;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// A kind in one curated file without repeated keys is read without a sort: its rows still come in the order they were
/// ingested when the file has several row groups that DuckDB reads on several threads.
/// </summary>
public sealed class IngestedOrderTests : IDisposable
{
    private const int Orders = 600_000;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "centric-ingested-order-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void OneFileOfManyRowGroups_IsScannedInTheOrderItWasIngested()
    {
        var exports = Directory.CreateDirectory(Path.Combine(_root, "exports")).FullName;
        var csv = new StringBuilder("order_id,customer_id,order_date,amount\n");
        var start = new DateOnly(2024, 1, 1);
        for (var i = 0; i < Orders; i++)
        {
            // Ids in ingestion order; customers and days in no order at all.
            csv.Append(CultureInfo.InvariantCulture, $"o{i:D7},c{i * 7919 % 5_003},{start.AddDays(i * 31 % 700):yyyy-MM-dd},{i % 997}.25\n");
        }

        File.WriteAllText(Path.Combine(exports, "orders.csv"), csv.ToString());
        var curated = Path.Combine(_root, "curated");
        var resources = DuckDbResources.Default with { Threads = 4 };
        var ingested = Assert.Single(FolderIngestion.Ingest(ExportFolder.Find(exports), DatasetConfiguration.Default, curated, Path.Combine(_root, "rejects"), resources: resources));
        Assert.Equal(Orders, ingested.Result.Accepted);

        using var db = new DuckDbSession(resources);
        var files = CuratedFiles.FromFolder(curated).WithKeysChecked(db);
        var file = Assert.Single(files.Of(ExportKind.Orders));
        Assert.Contains(ExportKind.Orders, files.KeysUnique);
        var rowGroups = db.Rows($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata({DuckDbSession.Literal(file)})", r => r.GetInt64(0))[0];
        Assert.True(rowGroups >= 4, $"the file has {rowGroups} row groups");

        var ids = new List<string>(Orders);
        new CuratedExportReader(db, files).Scan(ExportKind.Orders, ["order_id"], row => ids.Add(row.Text(0)!));

        Assert.Equal(Enumerable.Range(0, Orders).Select(i => string.Create(CultureInfo.InvariantCulture, $"o{i:D7}")), ids);
    }
}
