using Centric.Domain.Exports;
using Centric.Engine.Ingestion;

namespace Centric.Engine.Tests.Ingestion;

public sealed class KindRulesTests : IDisposable
{
    private readonly IngestionScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Surveys_ScoreOutsideTheScale_IsRejectedInTheSurveysWords()
    {
        var result = scratch.IngestText(
            "surveys.csv",
            "response_id,answered_at,survey,score\nr1,2026-10-01,nps,11\nr2,2026-10-01,csat,0\nr3,2026-10-01,ces,7\n" +
            "r4,2026-10-01,NPS,7.5\nr5,2026-10-01,Brand Awareness,1\nr6,2026-10-01,loyalty,3\n");

        Assert.Equal((6L, 2L, 4L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            [
                new RejectedRow(2, "score", "11", "score 11 is outside the NPS scale 0-10"),
                new RejectedRow(3, "score", "0", "score 0 is outside the CSAT scale 1-5"),
                new RejectedRow(5, "score", "7.5", "score 7.5 is not a whole number on the NPS scale 0-10"),
                new RejectedRow(7, "survey", "loyalty", "survey 'loyalty' is not one of nps, csat, ces, brand-awareness"),
            ],
            result.SampleRejects);
        Assert.Equal(
            [["ces", 7.0], ["brand-awareness", 1.0]],
            scratch.Query("SELECT survey, score FROM curated ORDER BY _line"));
    }

    [Fact]
    public void Tickets_ResolvedBeforeOpened_IsRejected()
    {
        var result = scratch.IngestText(
            "tickets.csv",
            "ticket_id,opened_at,first_response_at,resolved_at\nt1,2026-10-02 09:00,2026-10-02 09:10,2026-10-01 08:00\n" +
            "t2,2026-10-02 09:00,,2026-10-02 10:00\n");

        Assert.Equal((2L, 1L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            new RejectedRow(2, "resolved_at", "2026-10-01 08:00", "resolved_at 2026-10-01 08:00 is before opened_at 2026-10-02 09:00"),
            Assert.Single(result.SampleRejects));
    }

    [Fact]
    public void Tickets_AnsweredBeforeOpened_OrResolvedAtMidnightOfTheOpeningDay_AreRejected()
    {
        // Ticket times are measured in hours, so a date without a time is midnight: resolved "2026-10-02" is before 09:00.
        var result = scratch.IngestText(
            "tickets.csv",
            "ticket_id,opened_at,first_response_at,resolved_at\n" +
            "t1,2026-10-02 09:00,2026-10-02 08:59,\n" +
            "t2,2026-10-02 09:00,,2026-10-02\n" +
            "t3,2026-10-02T09:00:00+02:00,2026-10-02T07:30:00Z,2026-10-03\n" +
            "t4,2026-10-02,2026-10-02 00:00,2026-10-02 08:00\n");

        Assert.Equal((4L, 2L, 2L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            [
                new RejectedRow(2, "first_response_at", "2026-10-02 08:59", "first_response_at 2026-10-02 08:59 is before opened_at 2026-10-02 09:00"),
                new RejectedRow(3, "resolved_at", "2026-10-02", "resolved_at 2026-10-02 is before opened_at 2026-10-02 09:00 (a date without a time is midnight)"),
            ],
            result.SampleRejects);
    }

    [Fact]
    public void Tickets_TimesAfterTheDayOfIngestion_AreRejectedAsFuture()
    {
        var result = scratch.IngestText(
            "tickets.csv",
            "ticket_id,opened_at,first_response_at,resolved_at\nt1,2026-10-30 09:00,2026-10-31 23:00,2026-11-01 08:00\n" +
            "t2,2026-10-31 09:00,2026-10-31 10:00,2026-10-31 23:59\n",
            notAfter: new DateOnly(2026, 10, 31));

        Assert.Equal((2L, 1L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            new RejectedRow(2, "resolved_at", "2026-11-01 08:00", "resolved_at 2026-11-01 is in the future (after 2026-10-31)"),
            Assert.Single(result.SampleRejects));
    }

    [Fact]
    public void Orders_ShippedOnTheOrderDayWithoutTime_IsNotANegativeDuration()
    {
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount,shipped_at\n1,c,2026-10-01 15:00,1,2026-10-01\n2,c,2026-10-02 15:00,1,2026-10-01\n");

        Assert.Equal((2L, 1L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal("shipped_at", Assert.Single(result.SampleRejects).Column);
    }

    [Fact]
    public void Orders_TimestampsAfterNotAfter_AreRejectedAsFuture()
    {
        var result = scratch.IngestText(
            "orders.csv",
            "order_id,customer_id,order_date,amount\n1,c,2026-10-31 23:59,1\n2,c,2026-11-01,1\n",
            notAfter: new DateOnly(2026, 10, 31));

        Assert.Equal((2L, 1L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            new RejectedRow(3, "order_date", "2026-11-01", "order_date 2026-11-01 is in the future (after 2026-10-31)"),
            Assert.Single(result.SampleRejects));
    }

    [Fact]
    public void Subscriptions_ScheduledEndAfterNotAfter_IsKept_ButAFutureStartIsRejected()
    {
        var result = scratch.IngestText(
            "subscriptions.csv",
            "subscription_id,customer_id,start_date,end_date,mrr\ns1,c,2026-01-01,2027-01-01,10\ns2,c,2026-11-01,,10\n",
            notAfter: new DateOnly(2026, 10, 31));

        Assert.Equal((2L, 1L, 1L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            new RejectedRow(3, "start_date", "2026-11-01", "start_date 2026-11-01 is in the future (after 2026-10-31)"),
            Assert.Single(result.SampleRejects));
    }

    [Fact]
    public void Onboarding_MoreStepsCompletedThanExist_IsRejected()
    {
        var result = scratch.IngestText(
            "onboarding.csv",
            "customer_id,started_at,steps_completed,steps_total\nc1,2026-10-01,6,5\nc2,2026-10-01,2.5,5\nc3,2026-10-01,3,5\n");

        Assert.Equal((3L, 1L, 2L), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(
            ["steps_completed 6 is more than steps_total 5", "steps_completed 2.5 is not a whole number of steps"],
            result.SampleRejects.Select(r => r.Reason));
    }

    [Fact]
    public void Subscriptions_KindFromFolder_WinsOverTheFileName()
    {
        var result = scratch.IngestText(
            "orders_export.csv",
            "subscription_id,customer_id,start_date,mrr\ns1,c1,2026-01-01,10\n",
            kind: ExportKind.Subscriptions);

        Assert.Equal(ExportKind.Subscriptions, result.Kind);
        Assert.Equal(IngestionStatus.Succeeded, result.Status);
    }
}
