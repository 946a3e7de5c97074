using Centric.Domain.Datasets;
using Centric.Engine.Ingestion;

namespace Centric.Engine.Tests.Ingestion;

/// <summary>
/// The input rules the fulfilment, onboarding and engagement metrics rely on: a negative duration (by the exact
/// instants, whatever their offsets) or a timestamp after the day of ingestion is a rejected row a person can act on.
/// </summary>
public sealed class DurationRulesTests : IDisposable
{
    private static readonly DatasetSettings Madrid = new() { TimeZone = "Europe/Madrid" };

    private readonly IngestionScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Orders_ShippedOrDeliveredBeforeTheyWereOrdered_AreRejected_ByTheExactInstant()
    {
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount,shipped_at,delivered_at\n" +
            // 11:00 in Madrid (+02:00) is 09:00 UTC: an hour before the order, though later on the clock.
            "1,c,2026-10-01T10:00:00Z,1,2026-10-01T11:00:00+02:00,\n" +
            "2,c,2026-10-01 10:00,1,2026-10-01 12:00,2026-10-01 11:00\n" +
            "3,c,2026-10-01 10:00,1,,2026-09-30 18:00\n" +
            "4,c,2026-10-01 10:00,1,2026-10-01 12:00,2026-10-03\n",
            settings: Madrid);

        Assert.Equal((4L, 1L, 3L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            [
                new RejectedRow(2, "shipped_at", "2026-10-01T11:00:00+02:00", "shipped_at 2026-10-01T11:00:00+02:00 is before order_date 2026-10-01T10:00:00Z"),
                new RejectedRow(3, "delivered_at", "2026-10-01 11:00", "delivered_at 2026-10-01 11:00 is before shipped_at 2026-10-01 12:00"),
                new RejectedRow(4, "delivered_at", "2026-09-30 18:00", "delivered_at 2026-09-30 18:00 is before order_date 2026-10-01 10:00"),
            ],
            result.SampleRejects);
    }

    [Fact]
    public void Onboarding_CompletedBeforeItStarted_IsRejected()
    {
        var result = scratch.IngestText(
            "onboarding.csv",
            "customer_id,started_at,completed_at\nc1,2026-10-05 09:00,2026-10-04 17:00\nc2,2026-10-05 09:00,2026-10-05 09:30\n");

        Assert.Equal((2L, 1L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            new RejectedRow(2, "completed_at", "2026-10-04 17:00", "completed_at 2026-10-04 17:00 is before started_at 2026-10-05 09:00"),
            Assert.Single(result.SampleRejects));
    }

    [Fact]
    public void Communications_AnyMessageEventBeforeItWasSent_IsRejected()
    {
        var result = scratch.IngestText(
            "communications.csv",
            "message_id,sent_at,channel,delivered_at,opened_at,clicked_at,unsubscribed_at\n" +
            "m1,2026-10-05 09:00,email,2026-10-05 08:59,,,\n" +
            "m2,2026-10-05 09:00,email,2026-10-05 09:01,2026-10-04 12:00,,\n" +
            "m3,2026-10-05 09:00,email,,,2026-10-05 08:00,\n" +
            "m4,2026-10-05 09:00,email,,,,2026-10-01\n" +
            "m5,2026-10-05 09:00,email,2026-10-05 09:01,2026-10-05 10:00,2026-10-05 10:01,2026-10-06\n");

        Assert.Equal((5L, 1L, 4L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            [
                new RejectedRow(2, "delivered_at", "2026-10-05 08:59", "delivered_at 2026-10-05 08:59 is before sent_at 2026-10-05 09:00"),
                new RejectedRow(3, "opened_at", "2026-10-04 12:00", "opened_at 2026-10-04 12:00 is before sent_at 2026-10-05 09:00"),
                new RejectedRow(4, "clicked_at", "2026-10-05 08:00", "clicked_at 2026-10-05 08:00 is before sent_at 2026-10-05 09:00"),
                new RejectedRow(5, "unsubscribed_at", "2026-10-01", "unsubscribed_at 2026-10-01 is before sent_at 2026-10-05 09:00"),
            ],
            result.SampleRejects);
    }

    [Fact]
    public void Onboarding_AndCommunications_InTheFuture_AreRejected()
    {
        var onboarding = scratch.IngestText(
            "onboarding.csv",
            "customer_id,started_at,completed_at\nc1,2026-10-30,2026-11-01 08:00\nc2,2026-10-30,2026-10-31 23:00\n",
            notAfter: new DateOnly(2026, 10, 31));

        Assert.Equal((2L, 1L, 1L), (onboarding.RowsRead, onboarding.Accepted, onboarding.Rejected));
        Assert.Equal(
            new RejectedRow(2, "completed_at", "2026-11-01 08:00", "completed_at 2026-11-01 is in the future (after 2026-10-31)"),
            Assert.Single(onboarding.SampleRejects));

        using var other = new IngestionScratch();
        var messages = other.IngestText(
            "communications.csv",
            "message_id,sent_at,opened_at\nm1,2026-10-31 10:00,2026-11-02 10:00\nm2,2026-11-01,\n",
            notAfter: new DateOnly(2026, 10, 31));

        Assert.Equal((2L, 0L, 2L), (messages.RowsRead, messages.Accepted, messages.Rejected));
        Assert.Equal(["opened_at", "sent_at"], messages.SampleRejects.Select(r => r.Column));
    }
}
