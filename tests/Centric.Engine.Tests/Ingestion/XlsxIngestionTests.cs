using Centric.Domain.Exports;
using Centric.Engine.Ingestion;

namespace Centric.Engine.Tests.Ingestion;

public sealed class XlsxIngestionTests : IDisposable
{
    private static readonly object?[] OrdersHeader = ["Order ID", "Customer", "Order Date", "Amount", "Status", "Shipped At"];

    private readonly IngestionScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Orders_Workbook_ReadsStringsNumbersAndDateSerialsWithSheetRowNumbers()
    {
        var path = Path.Combine(scratch.Folder, "orders_2026-10.xlsx");
        new WorkbookBuilder()
            .Sheet(
                "Export",
                OrdersHeader,
                ["0042", "C-1", new DateTime(2026, 10, 3), 1234.5m, "Paid", new DateTime(2026, 10, 4, 9, 15, 0)],
                [],
                ["0043", "C-2", "2026-10-05", "12,50", "refund", null],
                ["0044", "C-3", new DateTime(2026, 10, 6), "n/a", null, null])
            .Save(path);

        var result = scratch.Ingest(path);

        Assert.Equal(ExportKind.Orders, result.Kind);
        Assert.Equal("xlsx", result.Format!.Encoding);
        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        var rows = scratch.Query(
            "SELECT order_id, customer_id, CAST(order_date AS DATE), amount, status, shipped_at, _line FROM curated ORDER BY _line");
        Assert.Equal(["0042", "C-1", new DateOnly(2026, 10, 3), 1234.5m, "completed", new DateTime(2026, 10, 4, 9, 15, 0), 2L], rows[0]);
        Assert.Equal(["0043", "C-2", new DateOnly(2026, 10, 5), 12.5m, "refunded", null, 4L], rows[1]);
        Assert.Equal(new RejectedRow(5, "amount", "n/a", "amount 'n/a' is not a number (decimal separator ',')"), Assert.Single(result.SampleRejects));
    }

    [Fact]
    public void Orders_WorkbookWithSheetNamedLikeTheKind_ReadsThatSheet()
    {
        var path = Path.Combine(scratch.Folder, "export.xlsx");
        new WorkbookBuilder()
            .Sheet("Notes", ["read me"], ["nothing here"])
            .Sheet("Orders", OrdersHeader, ["A", "C", new DateTime(2026, 1, 2), 5m, null, null])
            .Save(path);

        var result = scratch.Ingest(path, kind: ExportKind.Orders);

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Equal(["A", 5m], scratch.Query("SELECT order_id, amount FROM curated")[0]);
    }
}
