using Centric.Domain.Exports;
using Centric.Engine.Local;

namespace Centric.Cli.Tests.Local;

public class ExportFolderTests
{
    [Fact]
    public void Find_MixedLayout_ListsExportsByRelativePathWithTheirFolderKind()
    {
        using var folder = new TempFolder()
            .Write("orders_2026-10.csv", "x")
            .Write("orders/b.csv", "x")
            .Write("orders/a.xlsx", "x")
            .Write("fx-rates/rates.tsv", "x")
            .Write("archive/old.csv", "x")
            .Write("settings.json", "{}")
            .Write("mapping.json", "{}")
            .Write("readme.md", "x");

        var files = ExportFolder.Find(folder.Root);

        Assert.Equal(
            ["archive/old.csv", "fx-rates/rates.tsv", "orders/a.xlsx", "orders/b.csv", "orders_2026-10.csv"],
            files.Select(f => f.RelativePath));
        Assert.Equal([null, ExportKind.FxRates, ExportKind.Orders, ExportKind.Orders, null], files.Select(f => f.FolderKind));
        Assert.Equal(["archive", "fx-rates", "orders", "orders", null], files.Select(f => f.Folder));
    }

    [Fact]
    public void IngestionId_IsPositionAndContentHash()
    {
        using var folder = new TempFolder().Write("orders.csv", "test");

        // SHA-256 of "test\n" begins f2ca1bb6.
        Assert.Equal("0012-f2ca1bb6", FolderIngestion.IngestionId(12, Path.Combine(folder.Root, "orders.csv")));
    }
}
