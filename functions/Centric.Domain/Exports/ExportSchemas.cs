namespace Centric.Domain.Exports;

/// <summary>The canonical schema of every export kind (docs/contract.md); required columns first as listed there.</summary>
public static class ExportSchemas
{
    private static readonly Dictionary<ExportKind, ExportSchema> Schemas = new()
    {
        [ExportKind.Customers] = Schema(
            ExportKind.Customers,
            null,
            ["customer_id"],
            [],
            R("customer_id", ColumnType.Id), O("created_at", ColumnType.Timestamp), O("country", ColumnType.Text),
            O("segment", ColumnType.Text), O("plan", ColumnType.Text), O("channel", ColumnType.Code),
            O("name", ColumnType.Text), O("email", ColumnType.Text)),
        [ExportKind.Orders] = Schema(
            ExportKind.Orders,
            "order_date",
            ["order_id"],
            [new("order_date", "shipped_at"), new("order_date", "delivered_at"), new("shipped_at", "delivered_at")],
            R("order_id", ColumnType.Id), R("customer_id", ColumnType.Id), R("order_date", ColumnType.Timestamp),
            R("amount", ColumnType.Money), O("currency", ColumnType.Currency), O("status", ColumnType.Code),
            O("shipped_at", ColumnType.Timestamp), O("delivered_at", ColumnType.Timestamp)),
        [ExportKind.Subscriptions] = Schema(
            ExportKind.Subscriptions,
            "start_date",
            ["subscription_id"],
            [new("start_date", "end_date")],
            R("subscription_id", ColumnType.Id), R("customer_id", ColumnType.Id),
            R("start_date", ColumnType.Timestamp), R("mrr", ColumnType.Money),
            new("end_date", ColumnType.Timestamp, Required: false, MayBeAhead: true),
            O("plan", ColumnType.Text), O("currency", ColumnType.Currency), O("status", ColumnType.Code)),
        [ExportKind.Tickets] = Schema(
            ExportKind.Tickets,
            "opened_at",
            ["ticket_id"],
            [new("opened_at", "first_response_at", Exact: true), new("opened_at", "resolved_at", Exact: true)],
            R("ticket_id", ColumnType.Id), O("customer_id", ColumnType.Id), R("opened_at", ColumnType.Timestamp),
            O("first_response_at", ColumnType.Timestamp), O("resolved_at", ColumnType.Timestamp),
            O("channel", ColumnType.Code), O("priority", ColumnType.Code)),
        [ExportKind.Surveys] = Schema(
            ExportKind.Surveys,
            "answered_at",
            ["response_id"],
            [],
            R("response_id", ColumnType.Id), O("customer_id", ColumnType.Id), R("answered_at", ColumnType.Timestamp),
            R("survey", ColumnType.Code), R("score", ColumnType.Number), O("touchpoint", ColumnType.Text),
            O("comment", ColumnType.Text)),
        [ExportKind.Communications] = Schema(
            ExportKind.Communications,
            "sent_at",
            ["message_id"],
            [
                new("sent_at", "delivered_at"), new("sent_at", "opened_at"), new("sent_at", "clicked_at"),
                new("sent_at", "unsubscribed_at"),
            ],
            R("message_id", ColumnType.Id), O("customer_id", ColumnType.Id), R("sent_at", ColumnType.Timestamp),
            O("channel", ColumnType.Code), O("delivered_at", ColumnType.Timestamp),
            O("opened_at", ColumnType.Timestamp), O("clicked_at", ColumnType.Timestamp),
            O("unsubscribed_at", ColumnType.Timestamp)),
        [ExportKind.Onboarding] = Schema(
            ExportKind.Onboarding,
            "started_at",
            ["customer_id"],
            [new("started_at", "completed_at")],
            R("customer_id", ColumnType.Id), R("started_at", ColumnType.Timestamp),
            O("completed_at", ColumnType.Timestamp), O("steps_completed", ColumnType.Number),
            O("steps_total", ColumnType.Number)),
        [ExportKind.Mentions] = Schema(
            ExportKind.Mentions,
            "mentioned_at",
            ["mention_id"],
            [],
            R("mention_id", ColumnType.Id), R("mentioned_at", ColumnType.Timestamp), O("source", ColumnType.Text),
            R("sentiment", ColumnType.Sentiment)),
        [ExportKind.FxRates] = Schema(
            ExportKind.FxRates,
            null,
            ["date", "currency"],
            [],
            R("date", ColumnType.Timestamp), R("currency", ColumnType.Currency), R("rate", ColumnType.Rate)),
    };

    public static ExportSchema For(ExportKind kind) =>
        Schemas.TryGetValue(kind, out var schema)
            ? schema
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown export kind");

    private static ExportSchema Schema(
        ExportKind kind, string? eventColumn, string[] key, TimestampOrder[] orders, params CanonicalColumn[] columns) =>
        new(kind, columns, key, orders, eventColumn);

    private static CanonicalColumn R(string name, ColumnType type) => new(name, type, Required: true);

    private static CanonicalColumn O(string name, ColumnType type) => new(name, type, Required: false);
}
