using System.Diagnostics;
using Centric.Domain.Exports;
using Centric.Engine.Ingestion;
using Xunit.Abstractions;

namespace Centric.Engine.Tests.Ingestion;

/// <summary>One real orders workbook and, built from it once for the class, a bomb whose shared strings inflate to 1.5 GB.</summary>
public sealed class BombFiles : IDisposable
{
    public const long InflatedBytes = 1536L * 1024 * 1024;

    public BombFiles()
    {
        Directory.CreateDirectory(Folder);
        new WorkbookBuilder()
            .Sheet(
                "Orders",
                ["Order ID", "Customer", "Order Date", "Amount"],
                ["A-1", "  Ann & <Co>  ", new DateTime(2026, 10, 3), 12.5m],
                ["A-2", "Zoë Łukasz", new DateTime(2026, 10, 4), 7m],
                ["A-3", "", new DateTime(2026, 10, 5), 1m])
            .Save(NormalPath);
        var watch = Stopwatch.StartNew();
        WorkbookBomb.Write(NormalPath, BombPath, InflatedBytes);
        BuildSeconds = watch.Elapsed.TotalSeconds;
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "centric-bomb-" + Guid.NewGuid().ToString("N"));

    public string NormalPath => Path.Combine(Folder, "orders_normal.xlsx");

    public string BombPath => Path.Combine(Folder, "orders_bomb.xlsx");

    public double BuildSeconds { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

public sealed class WorkbookBombTests(BombFiles files, ITestOutputHelper output) : IClassFixture<BombFiles>, IDisposable
{
    private readonly IngestionScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Xlsx_SharedStringsInflatingToOneAndAHalfGigabytes_AreRefusedAsABombInSecondsWithFlatMemory()
    {
        var bytes = new FileInfo(files.BombPath).Length;
        output.WriteLine($"bomb: {bytes} bytes on disk inflating to {BombFiles.InflatedBytes} bytes, built in {files.BuildSeconds:F1} s");
        Assert.InRange(bytes, 1, 8L * 1024 * 1024);

        var (result, seconds, allocated, growth) = Measure(() => scratch.Ingest(files.BombPath));

        output.WriteLine($"refused in {seconds:F2} s; allocated {allocated / 1024 / 1024} MB on the ingesting thread; working set grew at most {growth / 1024 / 1024} MB");
        output.WriteLine(result.Message);
        Assert.Equal(IngestionStatus.Failed, result.Status);
        Assert.Matches(
            @"^refused as a decompression bomb: the part 'xl/sharedStrings\.xml' declares 16\d{8} bytes from \d{7} bytes compressed \((\d+):1\), past the limit of 100:1$",
            result.Message);
        Assert.Equal((0L, 0L, 0L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.False(File.Exists(scratch.CuratedPath));
        Assert.InRange(seconds, 0, 30);
        Assert.InRange(allocated, 0, 300L * 1024 * 1024);
        Assert.InRange(growth, long.MinValue, 300L * 1024 * 1024);
    }

    [Fact]
    public void Xlsx_BombWhoseHeadersDeclareItSmall_IsRefusedWithoutInflatingPastTheDeclaredSize()
    {
        var lying = Path.Combine(scratch.Folder, "orders_lying.xlsx");
        File.Copy(files.BombPath, lying);
        WorkbookBomb.DeclareSmall(lying, WorkbookBomb.SharedStringsPart);

        var (result, seconds, allocated, growth) = Measure(() => scratch.Ingest(lying));

        output.WriteLine($"refused in {seconds:F2} s; allocated {allocated / 1024 / 1024} MB; working set grew at most {growth / 1024 / 1024} MB");
        output.WriteLine(result.Message);
        Assert.Equal(IngestionStatus.Failed, result.Status);
        // The zip reader stops each part at its declared size, so the lie leaves a truncated table, not 1.5 GB.
        Assert.StartsWith("the file is not a readable Excel workbook (Unexpected end of file has occurred.", result.Message);
        Assert.InRange(seconds, 0, 30);
        Assert.InRange(allocated, 0, 300L * 1024 * 1024);
        Assert.InRange(growth, long.MinValue, 300L * 1024 * 1024);
    }

    [Fact]
    public void Xlsx_PartPastTwentyTimesTheUploadLimit_IsRefusedEvenAtAModestRatio()
    {
        var path = Path.Combine(scratch.Folder, "orders_big.xlsx");
        WorkbookBomb.Write(files.NormalPath, path, 3L * 1024 * 1024);
        var limits = new WorkbookLimits(100 * 1024);

        var result = new ExportIngestor().Ingest(Request(path, limits));

        Assert.Equal(IngestionStatus.Failed, result.Status);
        Assert.StartsWith("refused as a decompression bomb: the part 'xl/sharedStrings.xml' declares 3", result.Message);
        Assert.EndsWith("past the limit of 2048000 bytes (20× the upload limit of 102400 bytes)", result.Message);
    }

    [Fact]
    public void Xlsx_NormalWorkbook_IngestsTheSameWithStreamedSharedStrings()
    {
        var result = scratch.Ingest(files.NormalPath);

        Assert.Equal(ExportKind.Orders, result.Kind);
        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(new RejectedRow(4, "customer_id", null, "customer_id is required but empty"), Assert.Single(result.SampleRejects));
        var rows = scratch.Query("SELECT order_id, customer_id, amount FROM curated ORDER BY _line");
        Assert.Equal(["A-1", "Ann & <Co>", 12.5m], rows[0]);
        Assert.Equal(["A-2", "Zoë Łukasz", 7m], rows[1]);
    }

    [Fact]
    public void Xlsx_MoreSharedStringsThanTheLimit_RefusesTheFileInsteadOfHoldingThem()
    {
        var result = new ExportIngestor().Ingest(Request(files.NormalPath, WorkbookLimits.Default with { MaxSharedStrings = 4 }));

        Assert.Equal(IngestionStatus.Failed, result.Status);
        Assert.Equal("the workbook holds more than 4 shared strings, the most read", result.Message);
    }

    [Fact]
    public void Xlsx_SharedStringLongerThanTheLimit_RefusesTheFileWithoutReadingItWhole()
    {
        var result = new ExportIngestor().Ingest(Request(files.NormalPath, WorkbookLimits.Default with { MaxStringChars = 8 }));

        Assert.Equal(IngestionStatus.Failed, result.Status);
        Assert.Equal("shared string 2 is longer than 8 characters, the most an Excel cell holds", result.Message);
    }

    [Fact]
    public void Xlsx_RichTextSharedString_IsReadAsTheWholeTextOfItsRuns_LikeTheDocumentModel()
    {
        var path = Path.Combine(scratch.Folder, "orders_rich.xlsx");
        File.Copy(files.NormalPath, path);
        string expected;
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, true))
        {
            var table = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable;
            var items = table.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().ToList();
            var index = items.FindIndex(i => i.InnerText == "Zoë Łukasz");
            var rich = new DocumentFormat.OpenXml.Spreadsheet.SharedStringItem(
                new DocumentFormat.OpenXml.Spreadsheet.Run(new DocumentFormat.OpenXml.Spreadsheet.Text("Zoë ")
                {
                    Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve,
                }),
                new DocumentFormat.OpenXml.Spreadsheet.Run(
                    new DocumentFormat.OpenXml.Spreadsheet.RunProperties(new DocumentFormat.OpenXml.Spreadsheet.Bold()),
                    new DocumentFormat.OpenXml.Spreadsheet.Text("Ł & <ukasz>")));
            items[index].InsertAfterSelf(rich);
            items[index].Remove();
            table.Save();
            expected = rich.InnerText;
        }

        var result = scratch.Ingest(path);

        Assert.Equal("Zoë Ł & <ukasz>", expected);
        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(["A-2", expected], scratch.Query("SELECT order_id, customer_id FROM curated WHERE _line = 3")[0]);
    }

    private IngestRequest Request(string path, WorkbookLimits limits) => new(
        path, Path.GetFileName(path), null, Centric.Domain.Datasets.DatasetSettings.Default, null, "ing-1",
        IngestionScratch.IngestedAt, scratch.CuratedPath, scratch.RejectsPath, Limits: limits);

    /// <summary>Runs <paramref name="ingest"/> on this thread, sampling the process working set every 10 ms meanwhile.</summary>
    private static (IngestionResult Result, double Seconds, long Allocated, long Growth) Measure(Func<IngestionResult> ingest)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var sampled = Process.GetCurrentProcess();
            while (!done.IsCancellationRequested)
            {
                sampled.Refresh();
                peak = Math.Max(peak, sampled.WorkingSet64);
                await Task.Delay(10, CancellationToken.None);
            }
        });
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = ingest();
        var seconds = watch.Elapsed.TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        done.Cancel();
        sampler.GetAwaiter().GetResult();
        return (result, seconds, allocated, peak - baseline);
    }
}
