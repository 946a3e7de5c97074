using System.Globalization;
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

        db.Execute($"CREATE OR REPLACE TEMP TABLE current_orders AS {CurrentRows.Sql(files, ExportKind.Orders)}");
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
                FROM current_orders o ASOF LEFT JOIN fx ON o.currency = fx.currency AND CAST(o.order_date AS DATE) >= fx.day
                """;
        }
        else
        {
            converted = $"""
                SELECT customer_id, CAST(order_date AS DATE) AS day, coalesce(status, {completed}) AS status, amount, currency,
                       CASE WHEN currency IS NULL OR currency = {currency} THEN CAST(amount AS DECIMAL(18,4)) END AS amount_rc
                FROM current_orders
                """;
        }

        var notPurchases = string.Join(", ", OrderStatuses.NotPurchases.Select(DuckDbSession.Literal));
        var neverCredits = string.Join(", ", OrderStatuses.NeverCredits.Select(DuckDbSession.Literal));
        db.Execute($"""
            CREATE OR REPLACE TEMP TABLE flagged AS
            SELECT *, status NOT IN ({notPurchases}) AND amount >= 0 AS valid,
                      amount < 0 AND status NOT IN ({neverCredits}) AS credit
            FROM ({converted})
            """);
        const string sql = """
            SELECT customer_id, day,
                   count(*) FILTER (WHERE valid) AS valid_orders,
                   CAST(coalesce(sum(amount_rc) FILTER (WHERE valid), 0) AS DECIMAL(38,4)) AS valid_amount,
                   CAST(coalesce(sum(amount_rc) FILTER (WHERE credit), 0) AS DECIMAL(38,4)) AS credits
            FROM flagged
            GROUP BY customer_id, day
            ORDER BY customer_id, day
            """;

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var customerIds = new List<string>();
        long validOrders = 0;
        DateOnly? lastDay = null;
        var days = db.Rows(sql, r =>
        {
            var id = r.GetString(0);
            if (!ids.TryGetValue(id, out var index))
            {
                ids[id] = index = customerIds.Count;
                customerIds.Add(id);
            }

            var day = r.GetFieldValue<DateOnly>(1);
            var count = Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture);
            validOrders += count;
            lastDay = lastDay is { } l && l > day ? l : day;
            return new CustomerDay(index, day, count, r.GetDecimal(3), r.GetDecimal(4));
        });

        var unconverted = db.Rows(
            """
            SELECT customer_id, day, currency, count(*) FROM flagged
            WHERE amount_rc IS NULL AND (valid OR credit)
            GROUP BY customer_id, day, currency
            ORDER BY customer_id, day, currency
            """,
            r => new UnconvertedAmounts(
                ids[r.GetString(0)], r.GetFieldValue<DateOnly>(1), r.GetString(2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture)));

        return new LoadedOrders(customerIds, days, validOrders, unconverted, lastDay, reportingCurrency);
    }
}
