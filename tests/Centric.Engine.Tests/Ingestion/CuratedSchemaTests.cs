using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Engine.Ingestion;

namespace Centric.Engine.Tests.Ingestion;

public sealed class CuratedSchemaTests : IDisposable
{
    private readonly IngestionScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Orders_CuratedParquet_HasTheContractSchemaEvenForMissingOptionalColumns()
    {
        var result = scratch.IngestText("orders.csv", "order_id,customer_id,order_date,amount\n1,c,2026-10-01,1\n");

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Equal(
            [
                ("order_id", "VARCHAR"), ("customer_id", "VARCHAR"), ("order_date", "TIMESTAMP"),
                ("order_date_utc", "TIMESTAMP"), ("amount", "DECIMAL(18,4)"), ("currency", "VARCHAR"),
                ("status", "VARCHAR"), ("shipped_at", "TIMESTAMP"), ("shipped_at_utc", "TIMESTAMP"),
                ("delivered_at", "TIMESTAMP"), ("delivered_at_utc", "TIMESTAMP"), ("_ingestion_id", "VARCHAR"),
                ("_line", "BIGINT"), ("_ingested_at", "TIMESTAMP"),
            ],
            scratch.Schema());
        Assert.Equal(
            [null, "completed", null, null, "ing-1", 2L, new DateTime(2026, 11, 2, 6, 30, 0)],
            scratch.Query("SELECT currency, status, shipped_at, shipped_at_utc, _ingestion_id, _line, _ingested_at FROM curated")[0]);
    }

    [Fact]
    public void Orders_MadridTimeZone_KeepsLocalClockAndConvertsOffsetsToUtc()
    {
        var settings = new DatasetSettings { TimeZone = "Europe/Madrid" };
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount,shipped_at\n" +
            "1,c,2026-07-01 23:30,1,2026-07-02T08:00:00Z\n" +
            "2,c,2026-01-15,1,2026-01-15T10:00:00-05:00\n",
            settings: settings);

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        var rows = scratch.Query(
            "SELECT order_date, order_date_utc, shipped_at, shipped_at_utc, CAST(order_date AS DATE) FROM curated ORDER BY _line");
        Assert.Equal(
            [
                new DateTime(2026, 7, 1, 23, 30, 0), new DateTime(2026, 7, 1, 21, 30, 0),
                new DateTime(2026, 7, 2, 10, 0, 0), new DateTime(2026, 7, 2, 8, 0, 0), new DateOnly(2026, 7, 1),
            ],
            rows[0]);
        Assert.Equal(
            [
                new DateTime(2026, 1, 15), new DateTime(2026, 1, 14, 23, 0, 0),
                new DateTime(2026, 1, 15, 16, 0, 0), new DateTime(2026, 1, 15, 15, 0, 0), new DateOnly(2026, 1, 15),
            ],
            rows[1]);
    }

    [Fact]
    public void Orders_UtcDataset_GivesEachTimestampItsOwnInstantAndEveryRowTheIngestionsIdAndTime()
    {
        // In UTC the _utc twins are written from the local columns rather than staged; offsets, dates without a time
        // and empty cells must still come out as their own instants, and the id and time of the ingestion on every row.
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount,shipped_at,delivered_at\n" +
            "1,c,2026-07-01T23:30:00+02:00,1,2026-07-02,\n" +
            "2,c,2026-01-15 10:00,1,,2026-01-16T01:15:30.25-05:00\n" +
            "3,c,2026-01-15,1,2026-01-14,\n",
            settings: new DatasetSettings { TimeZone = "UTC" });

        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            [
                [
                    new DateTime(2026, 7, 1, 21, 30, 0), new DateTime(2026, 7, 1, 21, 30, 0),
                    new DateTime(2026, 7, 2), new DateTime(2026, 7, 2), null, null, "ing-1", 2L, new DateTime(2026, 11, 2, 6, 30, 0),
                ],
                new object?[]
                {
                    new DateTime(2026, 1, 15, 10, 0, 0), new DateTime(2026, 1, 15, 10, 0, 0), null, null,
                    new DateTime(2026, 1, 16, 6, 15, 30, 250), new DateTime(2026, 1, 16, 6, 15, 30, 250), "ing-1", 3L,
                    new DateTime(2026, 11, 2, 6, 30, 0),
                },
            ],
            scratch.Query(
                "SELECT order_date, order_date_utc, shipped_at, shipped_at_utc, delivered_at, delivered_at_utc, " +
                "_ingestion_id, _line, _ingested_at FROM curated ORDER BY _line"));
    }

    [Fact]
    public void Mentions_LabelsAndScores_AreDoublesWithTheOriginalLabelKept()
    {
        var result = scratch.IngestText(
            "mentions.csv",
            "mention_id,mentioned_at,source,sentiment\nm1,2026-10-01,twitter,Positive\nm2,2026-10-01,blog,-0.4\n" +
            "m3,2026-10-01,blog,neutro\nm4,2026-10-01,blog,1.5\n");

        Assert.Equal((4L, 3L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(("sentiment", "DOUBLE"), scratch.Schema().Single(c => c.Name == "sentiment"));
        var rows = scratch.Query("SELECT mention_id, sentiment, sentiment_label FROM curated ORDER BY _line");
        Assert.Equal(["m1", 1.0, "positive"], rows[0]);
        Assert.Equal(["m2", -0.4, null], rows[1]);
        Assert.Equal(["m3", 0.0, "neutral"], rows[2]);
        Assert.Equal("sentiment 1.5 is outside [-1, 1]", Assert.Single(result.SampleRejects).Reason);
    }

    [Fact]
    public void FxRates_RateIsDecimal18_8AndCurrencyUpperCase()
    {
        var result = scratch.IngestText("fx-rates.csv", "date,currency,rate\n2026-10-01,usd,0.92345678\n2026-10-01,GBP,0\n");

        Assert.Equal(ExportKind.FxRates, result.Kind);
        Assert.Equal((2L, 1L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(("rate", "DECIMAL(18,8)"), scratch.Schema().Single(c => c.Name == "rate"));
        Assert.Equal(["USD", 0.92345678m], scratch.Query("SELECT currency, rate FROM curated")[0]);
        Assert.Equal(new RejectedRow(3, "rate", "0", "rate 0 is not positive"), Assert.Single(result.SampleRejects));
    }

    [Theory]
    [InlineData(ExportKind.Customers, "customer_id,created_at,country,segment,plan,channel,name,email\n001,2026-01-02,ES,smb,pro,Web,Ana,a@x.es\n")]
    [InlineData(ExportKind.Subscriptions, "subscription_id,customer_id,start_date,mrr,end_date,plan,currency,status\ns1,c1,2026-01-01,49.90,,pro,eur,Active\n")]
    [InlineData(ExportKind.Tickets, "ticket_id,customer_id,opened_at,first_response_at,resolved_at,channel,priority\nt1,c1,2026-01-01 09:00,2026-01-01 09:30,2026-01-02 10:00,Email,HIGH\n")]
    [InlineData(ExportKind.Surveys, "response_id,customer_id,answered_at,survey,score,comment\nr1,c1,2026-01-01,NPS,9,great\n")]
    [InlineData(ExportKind.Communications, "message_id,customer_id,sent_at,channel,delivered_at,opened_at,clicked_at,unsubscribed_at\nm1,c1,2026-01-01 08:00,email,2026-01-01 08:01,2026-01-01 09:00,,\n")]
    [InlineData(ExportKind.Onboarding, "customer_id,started_at,completed_at,steps_completed,steps_total\nc1,2026-01-01,2026-01-05,5,5\n")]
    public void EveryKind_ValidRow_IsAcceptedWithEveryCanonicalColumn(ExportKind kind, string content)
    {
        var result = scratch.IngestText(kind.ToSlug() + ".csv", content);

        Assert.Equal(IngestionStatus.Succeeded, result.Status);
        Assert.Equal(kind, result.Kind);
        Assert.Equal(1L, result.Accepted);
        var expected = ExportSchemas.For(kind).Columns
            .SelectMany(c => c.Type switch
            {
                ColumnType.Timestamp => new[] { c.Name, c.Name + "_utc" },
                ColumnType.Sentiment => [c.Name, c.Name + "_label"],
                _ => [c.Name],
            })
            .Concat(["_ingestion_id", "_line", "_ingested_at"]);
        Assert.Equal(expected, scratch.Schema().Select(c => c.Name));
        Assert.Equal(CuratedColumns.For(kind).Select(c => (c.Name, c.SqlType)), scratch.Schema());
    }

    [Fact]
    public void Tickets_CodesAreLowerCase()
    {
        scratch.IngestText("tickets.csv", "ticket_id,opened_at,channel,priority\nT-01,2026-01-01,Email,HIGH\n");

        Assert.Equal(["T-01", "email", "high", null], scratch.Query("SELECT ticket_id, channel, priority, customer_id FROM curated")[0]);
    }
}
