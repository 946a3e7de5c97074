using System.Globalization;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Tests.Compute;

/// <summary>
/// A temporary curated folder whose Parquet files follow the curated schema (canonical columns, wall-clock
/// timestamps, metadata columns), written by DuckDB itself.
/// </summary>
internal sealed class CuratedFolder : IDisposable
{
    private int _ingestions;

    public CuratedFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "centric-curated-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes one ingestion of orders: (order_id, customer_id, order_date, amount, currency, status).</summary>
    public CuratedFolder Orders(params (string Id, string Customer, string Date, decimal Amount, string? Currency, string? Status)[] rows)
    {
        var values = rows.Select((r, i) => string.Create(CultureInfo.InvariantCulture,
            $"({Q(r.Id)}, {Q(r.Customer)}, TIMESTAMP {Q(r.Date)}, {r.Amount}::DECIMAL(18,4), {Q(r.Currency)}, {Q(r.Status ?? "completed")}, {i + 2})"));
        return Write("orders", $"""
            SELECT col0 AS order_id, col1 AS customer_id, col2 AS order_date, col2 AS order_date_utc,
                   col3 AS amount, col4 AS currency, col5 AS status,
                   NULL::TIMESTAMP AS shipped_at, NULL::TIMESTAMP AS shipped_at_utc,
                   NULL::TIMESTAMP AS delivered_at, NULL::TIMESTAMP AS delivered_at_utc, col6::BIGINT AS _line
            FROM (VALUES {string.Join(", ", values)})
            """);
    }

    public CuratedFolder Customers(params (string Id, string? Country, string? Segment)[] rows)
    {
        var values = rows.Select((r, i) => $"({Q(r.Id)}, {Q(r.Country)}, {Q(r.Segment)}, {i + 2})");
        return Write("customers", $"""
            SELECT col0 AS customer_id, col1 AS country, col2 AS segment, NULL::VARCHAR AS plan,
                   NULL::VARCHAR AS channel, col3::BIGINT AS _line
            FROM (VALUES {string.Join(", ", values)})
            """);
    }

    public CuratedFolder FxRates(params (string Date, string Currency, decimal Rate)[] rows)
    {
        var values = rows.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"(TIMESTAMP {Q(r.Date)}, {Q(r.Currency)}, {r.Rate}::DECIMAL(18,8), {i + 2})"));
        return Write("fx-rates", $"""
            SELECT col0 AS "date", col0 AS date_utc, col1 AS currency, col2 AS rate, col3::BIGINT AS _line
            FROM (VALUES {string.Join(", ", values)})
            """);
    }

    /// <summary>Writes one ingestion of tickets: (ticket_id, customer_id, opened_at), not yet answered or resolved.</summary>
    public CuratedFolder Tickets(params (string Id, string? Customer, string OpenedAt)[] rows)
    {
        var values = rows.Select((r, i) => $"({Q(r.Id)}, {Q(r.Customer)}, TIMESTAMP {Q(r.OpenedAt)}, {i + 2})");
        return Write("tickets", $"""
            SELECT col0 AS ticket_id, col1 AS customer_id, col2 AS opened_at, col2 AS opened_at_utc,
                   NULL::TIMESTAMP AS first_response_at, NULL::TIMESTAMP AS first_response_at_utc,
                   NULL::TIMESTAMP AS resolved_at, NULL::TIMESTAMP AS resolved_at_utc,
                   NULL::VARCHAR AS channel, NULL::VARCHAR AS priority, col3::BIGINT AS _line
            FROM (VALUES {string.Join(", ", values)})
            """);
    }

    /// <summary>Writes one ingestion of survey answers: (response_id, customer_id, answered_at, survey, score, touchpoint).</summary>
    public CuratedFolder Surveys(params (string Id, string? Customer, string AnsweredAt, string Survey, double Score, string? Touchpoint)[] rows)
    {
        var values = rows.Select((r, i) => string.Create(CultureInfo.InvariantCulture,
            $"({Q(r.Id)}, {Q(r.Customer)}, TIMESTAMP {Q(r.AnsweredAt)}, {Q(r.Survey)}, {r.Score}::DOUBLE, {Q(r.Touchpoint)}, {i + 2})"));
        return Write("surveys", $"""
            SELECT col0 AS response_id, col1 AS customer_id, col2 AS answered_at, col2 AS answered_at_utc, col3 AS survey,
                   col4 AS score, col5 AS touchpoint, NULL::VARCHAR AS comment, col6::BIGINT AS _line
            FROM (VALUES {string.Join(", ", values)})
            """);
    }

    /// <summary>Writes one ingestion of subscriptions: (subscription_id, customer_id, start_date, end_date, mrr, currency).</summary>
    public CuratedFolder Subscriptions(params (string Id, string Customer, string Start, string? End, decimal Mrr, string? Currency)[] rows)
    {
        var values = rows.Select((r, i) => string.Create(CultureInfo.InvariantCulture,
            $"({Q(r.Id)}, {Q(r.Customer)}, TIMESTAMP {Q(r.Start)}, {(r.End is null ? "NULL::TIMESTAMP" : "TIMESTAMP " + Q(r.End))}, {r.Mrr}::DECIMAL(18,4), {Q(r.Currency)}, {i + 2})"));
        return Write("subscriptions", $"""
            SELECT col0 AS subscription_id, col1 AS customer_id, col2 AS start_date, col2 AS start_date_utc, col4 AS mrr,
                   col3 AS end_date, col3 AS end_date_utc, NULL::VARCHAR AS plan, col5 AS currency, NULL::VARCHAR AS status, col6::BIGINT AS _line
            FROM (VALUES {string.Join(", ", values)})
            """);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string Q(string? text) => text is null ? "NULL" : DuckDbSession.Literal(text);

    private CuratedFolder Write(string kind, string select)
    {
        var ingestion = (++_ingestions).ToString("D4", CultureInfo.InvariantCulture);
        var folder = Directory.CreateDirectory(Path.Combine(Root, kind)).FullName;
        var path = Path.Combine(folder, ingestion + ".parquet");
        using var db = new DuckDbSession();
        db.Execute($"""
            COPY (SELECT *, {Q(ingestion)} AS _ingestion_id, TIMESTAMP '2026-01-01 00:00:00' + INTERVAL ({_ingestions}) MINUTE AS _ingested_at
                  FROM ({select})) TO {DuckDbSession.Literal(path)} (FORMAT parquet)
            """);
        return this;
    }
}
