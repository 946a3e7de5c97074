using Centric.Domain.Activity;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Compute;

/// <summary>
/// Loads curated orders into customer-days: corrections applied, amounts converted to it at the order day's rate (the latest earlier rate when that day has
/// none), valid orders and credits split as docs/metrics.md defines them (<see cref="OrderStatuses.IsValidOrder"/>,
/// <see cref="OrderStatuses.IsCredit"/>), and the amounts that could not be converted listed rather than read as 0.
/// </summary>
public static class OrdersLoader
{
    /// <summary>The sums below this are held by DECIMAL(18,4): at most 99,999,999,999,999.9999.</summary>
    internal const decimal NarrowSumLimit = 100_000_000_000_000m;

    /// <summary>
    /// The reporting currency: settings' <c>reportingCurrency</c>, else the one currency of every order and subscription
    /// amount, else EUR (<see cref="DatasetSettings.ReportingCurrencyFor"/>).
    /// </summary>
    public static string ReportingCurrency(DuckDbSession db, CuratedFiles files, DatasetSettings settings)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ReportingCurrency is not null)
        {
            return settings.ReportingCurrencyFor([]);
        }

        var sources = new[] { ExportKind.Orders, ExportKind.Subscriptions }
            .Where(k => files.Of(k).Count > 0)
            .Select(k => $"SELECT currency FROM ({CurrentRows.Sql(files, k)})")
            .ToArray();
        List<string> currencies = sources.Length == 0 ? [] : db.Rows(
            $"SELECT DISTINCT currency FROM ({string.Join(" UNION ALL ", sources)}) WHERE currency IS NOT NULL ORDER BY currency",
            r => r.GetString(0));
        return settings.ReportingCurrencyFor(currencies);
    }

    public static LoadedOrders Load(DuckDbSession db, CuratedFiles files, string reportingCurrency)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrWhiteSpace(reportingCurrency);
        if (files.Of(ExportKind.Orders).Count == 0)
        {
            return new LoadedOrders([], [], 0, [], null, reportingCurrency);
        }

        // Only the columns read below are kept, so the scan skips the rest of the Parquet file and no copy of every
        // column of every order is made.
        var current = $"(SELECT customer_id, order_date, status, amount, currency FROM ({CurrentRows.Sql(files, ExportKind.Orders)}))";
        var currency = DuckDbSession.Literal(reportingCurrency);
        var completed = DuckDbSession.Literal(OrderStatuses.Completed);
        string converted;
        if (files.Of(ExportKind.FxRates).Count > 0)
        {
            db.Execute($"""
                CREATE OR REPLACE TEMP TABLE fx AS
                SELECT CAST("date" AS DATE) AS day, currency, rate FROM ({CurrentRows.Sql(files, ExportKind.FxRates)})
                """);
            converted = $"""
                SELECT o.customer_id, CAST(o.order_date AS DATE) AS day, coalesce(o.status, {completed}) AS status, o.amount, o.currency,
                       CASE WHEN o.currency IS NULL OR o.currency = {currency} THEN CAST(o.amount AS DECIMAL(18,4))
                            ELSE CAST(o.amount * fx.rate AS DECIMAL(18,4)) END AS amount_rc
                FROM {current} o ASOF LEFT JOIN fx ON o.currency = fx.currency AND CAST(o.order_date AS DATE) >= fx.day
                """;
        }
        else
        {
            converted = $"""
                SELECT customer_id, CAST(order_date AS DATE) AS day, coalesce(status, {completed}) AS status, amount, currency,
                       CASE WHEN currency IS NULL OR currency = {currency} THEN CAST(amount AS DECIMAL(18,4)) END AS amount_rc
                FROM {current}
                """;
        }

        try
        {
            return LoadConverted(db, converted, reportingCurrency);
        }
        finally
        {
            // The flagged orders are a copy of every order's columns (about 500 MiB at 10M orders): nothing reads them
            // after this, so DuckDB's memory is given back before the families compute rather than held to the end.
            db.Execute("DROP TABLE IF EXISTS customer_index");
            db.Execute("DROP TABLE IF EXISTS flagged");
            db.Execute("DROP TABLE IF EXISTS fx");
        }
    }

    private static LoadedOrders LoadConverted(DuckDbSession db, string converted, string reportingCurrency)
    {
        var notPurchases = string.Join(", ", OrderStatuses.NotPurchases.Select(DuckDbSession.Literal));
        var neverCredits = string.Join(", ", OrderStatuses.NeverCredits.Select(DuckDbSession.Literal));
        db.Execute($"""
            CREATE OR REPLACE TEMP TABLE flagged AS
            SELECT *, status NOT IN ({notPurchases}) AND amount >= 0 AS valid,
                      amount < 0 AND status NOT IN ({neverCredits}) AS credit
            FROM ({converted})
            """);
        // Customers are numbered in customer_id order inside DuckDB, so each id becomes a string once, not once per day.
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE customer_index AS
            SELECT customer_id, CAST(row_number() OVER (ORDER BY customer_id) - 1 AS INTEGER) AS customer
            FROM (SELECT DISTINCT customer_id FROM flagged)
            """);
        var customerIds = db.Rows("SELECT customer_id FROM customer_index ORDER BY customer", r => r.GetString(0));
        // A customer-day's sums are read as DECIMAL(18,4), held in 64 bits, when no sum can reach 10^14: when the
        // amounts' absolute values add up to less than that over every order. Read as DECIMAL(38,4), 128 bits, each
        // value is converted through a wider integer (about 90 ms more at 1M orders); the values are the same.
        var total = db.Rows(
            "SELECT CAST(coalesce(sum(abs(amount_rc)) FILTER (WHERE valid OR credit), 0) AS DECIMAL(38,4)) FROM flagged", r => r.GetDecimal(0))[0];
        var sums = total < NarrowSumLimit ? "DECIMAL(18,4)" : "DECIMAL(38,4)";
        var sql = $"""
            SELECT c.customer, f.day,
                   count(*) FILTER (WHERE f.valid) AS valid_orders,
                   CAST(coalesce(sum(f.amount_rc) FILTER (WHERE f.valid), 0) AS {sums}) AS valid_amount,
                   CAST(coalesce(sum(f.amount_rc) FILTER (WHERE f.credit), 0) AS {sums}) AS credits
            FROM flagged f JOIN customer_index c ON f.customer_id = c.customer_id
            GROUP BY c.customer, f.day
            ORDER BY c.customer, f.day
            """;

        long validOrders = 0;
        DateOnly? lastDay = null;
        // Held as columns, not rows: at 10M orders the customer-days as 48-byte rows were about half a gigabyte.
        var days = CustomerDays.Empty();
        db.Chunks(sql, chunk =>
        {
            for (var row = 0; row < chunk.Count; row++)
            {
                var day = chunk.Date(1, row);
                var count = checked((int)chunk.WholeNumber(2, row));
                validOrders += count;
                lastDay = lastDay is { } l && l > day ? l : day;
                days.Add((int)chunk.WholeNumber(0, row), day, count, chunk.Exact(3, row), chunk.Exact(4, row));
            }
        });
        days.Complete();

        var unconverted = db.Rows(
            """
            SELECT c.customer, f.day, f.currency, count(*) FROM flagged f JOIN customer_index c ON f.customer_id = c.customer_id
            WHERE f.amount_rc IS NULL AND (f.valid OR f.credit)
            GROUP BY c.customer, f.day, f.currency
            ORDER BY c.customer, f.day, f.currency
            """,
            r => new UnconvertedAmounts(r.GetInt32(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), checked((int)r.GetInt64(3))));

        return new LoadedOrders(customerIds, days, validOrders, unconverted, lastDay, reportingCurrency);
    }
}
