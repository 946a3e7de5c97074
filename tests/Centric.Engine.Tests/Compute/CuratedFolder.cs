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
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    public CuratedFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "centric-curated-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Two customers, three orders over three months and a ticket each: every orders family and the tickets.</summary>
    public static CuratedFolder OrdersAndTickets() => new CuratedFolder()
        .Customers(("c1", "ES", null), ("c2", "IT", null))
        .Orders(
            ("o1", "c1", "2025-03-01 10:00:00", 100m, null, null),
            ("o2", "c2", "2025-04-02 11:00:00", 40m, null, null),
            ("o3", "c1", "2025-05-20 09:30:00", 60m, null, null))
        .Tickets(("t1", "c1", "2025-04-10 08:00:00"), ("t2", "c2", "2025-05-11 12:00:00"));

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

    /// <summary>
    /// Writes one ingestion of handled tickets: (ticket_id, customer_id, opened_at, first_response_at, resolved_at, channel,
    /// priority). A time is the local wall clock, or <c>local|utc</c> when the dataset's zone is not UTC.
    /// </summary>
    public CuratedFolder Tickets(params (string Id, string? Customer, string OpenedAt, string? FirstResponseAt, string? ResolvedAt, string? Channel, string? Priority)[] rows)
    {
        var values = rows.Select((r, i) =>
            $"({Q(r.Id)}, {Q(r.Customer)}, {Time(r.OpenedAt)}, {Time(r.FirstResponseAt)}, {Time(r.ResolvedAt)}, {Q(r.Channel)}, {Q(r.Priority)}, {i + 2})");
        return Write("tickets", $"""
            SELECT col0 AS ticket_id, col1::VARCHAR AS customer_id, col2 AS opened_at, col3 AS opened_at_utc,
                   col4 AS first_response_at, col5 AS first_response_at_utc, col6 AS resolved_at, col7 AS resolved_at_utc,
                   col8::VARCHAR AS channel, col9::VARCHAR AS priority, col10::BIGINT AS _line
            FROM (VALUES {string.Join(", ", values)})
            """);
    }

    /// <summary>
    /// Writes one ingestion of mentions: (mention_id, mentioned_at, source, sentiment, sentiment_label) — a label is stored
    /// with its score 1, 0 or -1, as ingestion does.
    /// </summary>
    public CuratedFolder Mentions(params (string Id, string MentionedAt, string? Source, double Sentiment, string? Label)[] rows)
    {
        var values = rows.Select((r, i) => string.Create(CultureInfo.InvariantCulture,
            $"({Q(r.Id)}, TIMESTAMP {Q(r.MentionedAt)}, {Q(r.Source)}, {r.Sentiment}::DOUBLE, {Q(r.Label)}, {i + 2})"));
        return Write("mentions", $"""
            SELECT col0 AS mention_id, col1 AS mentioned_at, col1 AS mentioned_at_utc, col2::VARCHAR AS source, col3 AS sentiment,
                   col4::VARCHAR AS sentiment_label, col5::BIGINT AS _line
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

    /// <summary>
    /// The dataset's time zone for the timestamps of <see cref="Shipments"/>, <see cref="Onboardings"/> and
    /// <see cref="Messages"/>: a timestamp with an offset is that instant shown on the zone's clock, one without is the
    /// zone's clock time, a date alone is the zone's midnight (as ingestion writes them).
    /// </summary>
    public CuratedFolder InZone(string timeZone)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return this;
    }

    /// <summary>Writes one ingestion of orders with their shipping and delivery: (order_id, customer_id, order_date, status, shipped_at, delivered_at), amount 10.</summary>
    public CuratedFolder Shipments(params (string Id, string Customer, string OrderDate, string? Status, string? ShippedAt, string? DeliveredAt)[] rows)
    {
        var values = rows.Select((r, i) =>
            $"({Q(r.Id)}, {Q(r.Customer)}, {Ts(r.OrderDate)}, {Q(r.Status ?? "completed")}, {Ts(r.ShippedAt)}, {Ts(r.DeliveredAt)}, {i + 2})");
        return Write("orders", $"""
            SELECT col0 AS order_id, col1 AS customer_id, col2.l AS order_date, col2.u AS order_date_utc,
                   10::DECIMAL(18,4) AS amount, NULL::VARCHAR AS currency, col3 AS status,
                   col4.l AS shipped_at, col4.u AS shipped_at_utc,
                   col5.l AS delivered_at, col5.u AS delivered_at_utc, col6::BIGINT AS _line
            FROM (VALUES {string.Join(", ", values)})
            """);
    }

    /// <summary>Writes one ingestion of onboardings: (customer_id, started_at, completed_at).</summary>
    public CuratedFolder Onboardings(params (string Customer, string StartedAt, string? CompletedAt)[] rows)
    {
        var values = rows.Select((r, i) => $"({Q(r.Customer)}, {Ts(r.StartedAt)}, {Ts(r.CompletedAt)}, {i + 2})");
        return Write("onboarding", $"""
            SELECT col0 AS customer_id, col1.l AS started_at, col1.u AS started_at_utc,
                   col2.l AS completed_at, col2.u AS completed_at_utc,
                   NULL::DOUBLE AS steps_completed, NULL::DOUBLE AS steps_total, col3::BIGINT AS _line
            FROM (VALUES {string.Join(", ", values)})
            """);
    }

    /// <summary>Writes one ingestion of communications: (message_id, customer_id, sent_at, channel, delivered_at, opened_at, clicked_at, unsubscribed_at).</summary>
    public CuratedFolder Messages(
        params (string Id, string? Customer, string SentAt, string? Channel, string? DeliveredAt, string? OpenedAt, string? ClickedAt, string? UnsubscribedAt)[] rows)
    {
        var values = rows.Select((r, i) =>
            $"({Q(r.Id)}, {Q(r.Customer)}, {Ts(r.SentAt)}, {Q(r.Channel)}, {Ts(r.DeliveredAt)}, {Ts(r.OpenedAt)}, {Ts(r.ClickedAt)}, {Ts(r.UnsubscribedAt)}, {i + 2})");
        return Write("communications", $"""
            SELECT col0 AS message_id, col1 AS customer_id, col2.l AS sent_at, col2.u AS sent_at_utc, col3 AS channel,
                   col4.l AS delivered_at, col4.u AS delivered_at_utc, col5.l AS opened_at, col5.u AS opened_at_utc,
                   col6.l AS clicked_at, col6.u AS clicked_at_utc, col7.l AS unsubscribed_at, col7.u AS unsubscribed_at_utc,
                   col8::BIGINT AS _line
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

    /// <summary>A timestamp as a struct of its wall-clock value in the zone (<c>l</c>) and its UTC instant (<c>u</c>).</summary>
    private string Ts(string? text)
    {
        if (text is null)
        {
            return "{'l': NULL::TIMESTAMP, 'u': NULL::TIMESTAMP}";
        }

        var hasOffset = text.Length > 10 && (text.EndsWith('Z') || text[10..].Contains('+', StringComparison.Ordinal) || text[10..].Contains('-', StringComparison.Ordinal));
        DateTime local, utc;
        if (hasOffset)
        {
            var instant = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
            utc = instant.UtcDateTime;
            local = TimeZoneInfo.ConvertTime(instant, _zone).DateTime;
        }
        else
        {
            local = DateTime.Parse(text, CultureInfo.InvariantCulture);
            utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{{'l': TIMESTAMP '{local:yyyy-MM-dd HH:mm:ss.ffffff}', 'u': TIMESTAMP '{utc:yyyy-MM-dd HH:mm:ss.ffffff}'}}");
    }

    /// <summary>A curated timestamp pair: local wall clock and UTC instant (<c>local|utc</c>, or one time for both).</summary>
    private static string Time(string? value)
    {
        if (value is null)
        {
            return "NULL::TIMESTAMP, NULL::TIMESTAMP";
        }

        var parts = value.Split('|');
        return $"TIMESTAMP {Q(parts[0])}, TIMESTAMP {Q(parts[^1])}";
    }

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
