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
}
