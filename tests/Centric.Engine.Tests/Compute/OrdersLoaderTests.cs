using Centric.Engine.Compute;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Tests.Compute;

public class OrdersLoaderTests
{
    [Fact]
    public void Load_LeavesNoTemporaryTableBehind()
    {
        using var curated = new CuratedFolder()
            .Orders(("o1", "c1", "2025-03-10 10:00:00", 100m, "USD", null), ("o2", "c2", "2025-03-11 10:00:00", 10m, "EUR", null))
            .FxRates(("2025-03-01", "USD", 0.9m));
        using var db = new DuckDbSession();

        var orders = OrdersLoader.Load(db, CuratedFiles.FromFolder(curated.Root), "EUR");

        Assert.Equal(2, orders.Orders);
        Assert.Equal(0L, db.Rows("SELECT count(*) FROM duckdb_tables() WHERE temporary", r => r.GetInt64(0))[0]);
    }

    /// <summary>
    /// A customer-day's sums come out exact whether they fit in 64 bits or not: with amounts of up to 10^14 each, two
    /// orders of a day add up past what DECIMAL(18,4) holds, and the sums are read at full width.
    /// </summary>
    [Theory]
    [InlineData("12.3456", "0.0001")]
    [InlineData("99999999999999.9999", "99999999999999.9998")]
    public void Load_SumsADaysAmountsExactly_PastWhatSixtyFourBitsHold(string first, string second)
    {
        var (a, b) = (decimal.Parse(first, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(second, System.Globalization.CultureInfo.InvariantCulture));
        using var curated = new CuratedFolder().Orders(
            ("o1", "c1", "2025-03-10 10:00:00", a, "EUR", null),
            ("o2", "c1", "2025-03-10 18:00:00", b, "EUR", null),
            ("o3", "c1", "2025-03-11 09:00:00", -a, "EUR", "completed"),
            ("o4", "c1", "2025-03-11 10:00:00", -b, "EUR", "completed"));
        using var db = new DuckDbSession();

        var orders = OrdersLoader.Load(db, CuratedFiles.FromFolder(curated.Root), "EUR");

        Assert.Equal(2, orders.Days.Count);
        Assert.Equal((2, a + b, 0m), (orders.Days[0].ValidOrders, orders.Days[0].ValidAmount, orders.Days[0].Credits));
        Assert.Equal((0, 0m, -(a + b)), (orders.Days[1].ValidOrders, orders.Days[1].ValidAmount, orders.Days[1].Credits));
    }
}
