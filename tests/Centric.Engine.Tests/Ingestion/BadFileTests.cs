using Centric.Domain.Exports;
using Centric.Engine.Ingestion;

namespace Centric.Engine.Tests.Ingestion;

public sealed class BadFileTests : IDisposable
{
    private readonly IngestionScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Orders_MissingRequiredColumn_FailsNamingItAndTheHeaderFound()
    {
        var result = scratch.IngestText("orders.csv", "id,fecha,cliente,notes\n1,2026-10-01,c,x\n");

        Assert.Equal(IngestionStatus.Failed, result.Status);
        Assert.Equal(ExportKind.Orders, result.Kind);
        Assert.Equal("missing required column 'amount' (found: id, fecha, cliente, notes)", result.Message);
        Assert.Equal((0L, 0L, 0L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.False(File.Exists(scratch.CuratedPath));
        Assert.Equal(["line,column,value,reason"], scratch.RejectLines());
    }

    [Fact]
    public void Orders_UnparseableAmountsAndDates_RejectThoseRowsOnlyWithLineColumnValueAndReason()
    {
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount\n1,c,2026-10-01,10.00\n2,c,2026-10-01,abc\n3,c,2026-13-45,\"1,2,3\"\n" +
            "4,,2026-10-01,5\n5,c,2026-10-02,7.25\n");

        Assert.Equal(IngestionStatus.SucceededWithRejects, result.Status);
        Assert.Equal((5L, 2L, 3L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(result.RowsRead, result.Accepted + result.Rejected);
        Assert.Equal(
            [
                "line,column,value,reason",
                "3,amount,abc,amount 'abc' is not a number (decimal separator '.')",
                "4,order_date,2026-13-45,order_date '2026-13-45' is not a date",
                "4,amount,\"1,2,3\",\"amount '1,2,3' is not a number (decimal separator '.')\"",
                "5,customer_id,,customer_id is required but empty",
            ],
            scratch.RejectLines());
        Assert.Equal([2L, 6L], scratch.Query("SELECT _line FROM curated ORDER BY _line").Select(r => r[0]));
    }

    [Fact]
    public void AnyFile_ZeroBytes_FailsAsEmpty()
    {
        var result = scratch.Ingest(scratch.WriteBytes("orders.csv", []));

        Assert.Equal(IngestionStatus.Failed, result.Status);
        Assert.Equal("the file is empty", result.Message);
        Assert.Equal(0L, result.RowsRead);
        Assert.False(File.Exists(scratch.CuratedPath));
    }

    [Fact]
    public void Orders_HeaderOnly_SucceedsWithNoRowsAndAnEmptyTypedParquet()
    {
        var result = scratch.IngestText("orders.csv", "order_id,customer_id,order_date,amount\n");

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Equal((0L, 0L, 0L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Contains("the file has a header but no rows", result.Message, StringComparison.Ordinal);
        Assert.Equal(0L, scratch.Query("SELECT count(*) FROM curated")[0][0]);
        Assert.Equal(("amount", "DECIMAL(18,4)"), scratch.Schema().Single(c => c.Name == "amount"));
    }

    [Fact]
    public void AnyFile_BinaryJunk_FailsAsNotText()
    {
        var random = new Random(42);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[12] = 0;
        bytes[0] = (byte)'o';

        var result = scratch.Ingest(scratch.WriteBytes("orders.csv", bytes));

        Assert.Equal(IngestionStatus.Failed, result.Status);
        Assert.StartsWith("the file is not text (binary content at byte ", result.Message, StringComparison.Ordinal);
        Assert.Equal(0L, result.RowsRead);
    }

    [Fact]
    public void AnyFile_OnlyBlankLines_FailsForLackOfAHeader()
    {
        var result = scratch.IngestText("orders.csv", "\n\r\n   \n\t\n");

        Assert.Equal(IngestionStatus.Failed, result.Status);
        Assert.Equal("the file has no header: it holds only blank lines", result.Message);
    }

    [Fact]
    public void Orders_RowsWithTooManyOrTooFewFields_AreRejectedAsRows()
    {
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount\n1,c,2026-10-01,1\n2,c,2026-10-01\n3,c,2026-10-01,1,extra\n" +
            "4,c,2026-10-01,1,,\n\n5,c,2026-10-01,1\n");

        Assert.Equal((5L, 3L, 2L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            [
                new RejectedRow(3, "*", "2,c,2026-10-01", "row has 3 fields, the header has 4"),
                new RejectedRow(4, "*", "3,c,2026-10-01,1,extra", "row has 5 fields, the header has 4"),
            ],
            result.SampleRejects);
        Assert.Equal([2L, 5L, 7L], scratch.Query("SELECT _line FROM curated ORDER BY _line").Select(r => r[0]));
        Assert.Contains("1 blank rows skipped", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyFile_UnknownKind_FailsSayingWhatWasFound()
    {
        var result = scratch.IngestText("report.csv", "foo,bar\n1,2\n");

        Assert.Equal(IngestionStatus.Failed, result.Status);
        Assert.Null(result.Kind);
        Assert.Equal("cannot tell the export kind of 'report.csv' from its folder, name or header (found: foo, bar)", result.Message);
    }

    [Fact]
    public void AnyFile_CorruptWorkbook_FailsWithoutThrowing()
    {
        var result = scratch.Ingest(scratch.WriteBytes("orders.xlsx", "PK\u0003\u0004 not really a zip"u8.ToArray()));

        Assert.Equal(IngestionStatus.Failed, result.Status);
        Assert.StartsWith("the file is not a readable Excel workbook", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Orders_UnknownTimeZone_FailsNamingIt()
    {
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount\n1,c,2026-10-01,1\n",
            settings: new Domain.Datasets.DatasetSettings { TimeZone = "Mars/Olympus" });

        Assert.Equal(IngestionStatus.Failed, result.Status);
        Assert.Equal("unknown time zone 'Mars/Olympus' in the dataset settings", result.Message);
    }

    [Fact]
    public void Orders_UnterminatedQuoteAndImplausibleYears_AreRejectedRows()
    {
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount\n1,c,0001-01-01T00:00:00+02:00,1\n2,c,2026-10-01,1\n3,\"c,2026-10-01,1\n4,c,2026-10-01,1\n");

        Assert.Equal((3L, 1L, 2L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            [
                new RejectedRow(2, "order_date", "0001-01-01T00:00:00+02:00", "order_date '0001-01-01T00:00:00+02:00' is outside the years 1900-2199"),
                new RejectedRow(4, "*", "3,c,2026-10-01,1\n4,c,2026-10-01,1", "row has 2 fields, the header has 4"),
            ],
            result.SampleRejects);
    }
}
