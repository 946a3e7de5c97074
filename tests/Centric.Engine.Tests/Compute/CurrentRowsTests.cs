using Centric.Domain.Exports;
using Centric.Domain.Families;
using Centric.Engine.Compute;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// A kind whose natural keys never repeat is read without looking for each key's latest row, and a kind with a
/// correction anywhere (a later ingestion, a later line of the same file, keys that are null, one part of a composite
/// key) still has it applied: the rows read with the keys checked are the rows read without the check.
/// </summary>
public sealed class CurrentRowsTests
{
    private static readonly string[] OrderColumns = ["order_id", "customer_id", "amount"];

    [Fact]
    public void KindsWithoutRepeatedKeys_AreFound_AndReadAsBefore()
    {
        using var curated = new CuratedFolder()
            .Orders(("o1", "c1", "2025-01-01", 10m, "EUR", null), ("o2", "c2", "2025-01-02", 20m, "EUR", null))
            .Orders(("o3", "c1", "2025-01-03", 30m, "EUR", null))
            .FxRates(("2025-01-01", "USD", 0.9m), ("2025-01-01", "GBP", 1.2m), ("2025-01-02", "USD", 0.91m));

        var (checkedFiles, rows, plain) = ReadBothWays(curated, ExportKind.Orders);

        Assert.Equal(new HashSet<ExportKind> { ExportKind.Orders, ExportKind.FxRates }, checkedFiles.KeysUnique);
        Assert.Equal(["o1", "o2", "o3"], rows.Text("order_id"));
        Assert.Equal(plain.Text("order_id"), rows.Text("order_id"));
        Assert.Equal(plain.Money("amount"), rows.Money("amount"));
    }

    [Fact]
    public void ACorrectionInALaterIngestion_IsStillApplied()
    {
        using var curated = new CuratedFolder()
            .Orders(("o1", "c1", "2025-01-01", 10m, "EUR", null), ("o2", "c2", "2025-01-02", 20m, "EUR", null))
            .Orders(("o2", "c2", "2025-01-02", 25m, "EUR", "refunded"));

        var (checkedFiles, rows, plain) = ReadBothWays(curated, ExportKind.Orders);

        Assert.DoesNotContain(ExportKind.Orders, checkedFiles.KeysUnique);
        Assert.Equal(["o1", "o2"], rows.Text("order_id"));
        Assert.Equal([10m, 25m], rows.Money("amount"));
        Assert.Equal(plain.Money("amount"), rows.Money("amount"));
    }

    [Fact]
    public void ALaterLineOfTheSameFile_IsStillACorrection()
    {
        using var curated = new CuratedFolder()
            .Orders(("o1", "c1", "2025-01-01", 10m, "EUR", null), ("o1", "c1", "2025-01-01", 12m, "EUR", null));

        var (checkedFiles, rows, _) = ReadBothWays(curated, ExportKind.Orders);

        Assert.DoesNotContain(ExportKind.Orders, checkedFiles.KeysUnique);
        Assert.Equal([12m], rows.Money("amount"));
    }

    [Fact]
    public void RowsWithoutAKey_AreOneKey_AsWhenTheLatestIsPicked()
    {
        using var curated = new CuratedFolder()
            .Orders((null!, "c1", "2025-01-01", 10m, "EUR", null), (null!, "c2", "2025-01-02", 20m, "EUR", null), ("o3", "c3", "2025-01-03", 30m, "EUR", null));

        var (checkedFiles, rows, plain) = ReadBothWays(curated, ExportKind.Orders);

        Assert.DoesNotContain(ExportKind.Orders, checkedFiles.KeysUnique);
        Assert.Equal(2, rows.Count);
        Assert.Equal(plain.Text("customer_id"), rows.Text("customer_id"));
    }

    [Fact]
    public void OnePartOfACompositeKey_RepeatingAlone_IsNotARepeat_ButBothPartsAre()
    {
        using var distinct = new CuratedFolder().FxRates(("2025-01-01", "USD", 0.9m), ("2025-01-01", "GBP", 1.2m), ("2025-01-02", "USD", 0.91m));
        using var repeated = new CuratedFolder().FxRates(("2025-01-01", "USD", 0.9m)).FxRates(("2025-01-01", "USD", 0.95m), ("2025-01-02", "USD", 0.91m));
        using var db = new DuckDbSession();

        Assert.Contains(ExportKind.FxRates, CuratedFiles.FromFolder(distinct.Root).WithKeysChecked(db).KeysUnique);
        var files = CuratedFiles.FromFolder(repeated.Root).WithKeysChecked(db);
        Assert.DoesNotContain(ExportKind.FxRates, files.KeysUnique);
        Assert.Equal([0.95m, 0.91m], new CuratedExportReader(db, files).Read(ExportKind.FxRates, ["rate"]).Money("rate"));
    }

    private static (CuratedFiles Checked, ExportRows Rows, ExportRows Plain) ReadBothWays(CuratedFolder curated, ExportKind kind)
    {
        using var db = new DuckDbSession();
        var files = CuratedFiles.FromFolder(curated.Root);
        var checkedFiles = files.WithKeysChecked(db);
        var rows = new CuratedExportReader(db, checkedFiles).Read(kind, OrderColumns);
        var plain = new CuratedExportReader(db, files).Read(kind, OrderColumns);
        return (checkedFiles, rows, plain);
    }
}
