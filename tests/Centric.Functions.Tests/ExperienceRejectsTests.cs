using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// Every customer-experience validation rule through the real pipeline: a bad row is counted as rejected in the
/// ingestion ledger, the good rows of the same file are kept, and the ledger's rejects link answers each rejected cell's
/// line, column, value and reason.
/// </summary>
public sealed class ExperienceRejectsTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    /// <summary>Drops <paramref name="csv"/>, runs the pipeline and returns the single ledger entry and the rejects' lines.</summary>
    private async Task<(JsonObject Entry, string[] Rejects)> IngestAsync(string blob, string csv)
    {
        await DropAsync(blob, csv);
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
        var dataset = blob.Split('/')[0];
        var entry = Assert.Single((await Client.GetFromJsonAsync<JsonArray>($"/api/datasets/{dataset}/ingestions"))!)!.AsObject();
        var link = (string?)entry["rejects"];
        Assert.StartsWith($"/api/datasets/{dataset}/ingestions/", link, StringComparison.Ordinal);
        Assert.EndsWith("/rejects", link, StringComparison.Ordinal);
        var rejects = (await Client.GetStringAsync(link)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("line,column,value,reason", rejects[0]);
        return (entry, rejects[1..]);
    }

    private static void AssertCounts(JsonObject entry, long read, long accepted, long rejected)
    {
        Assert.Equal("succeeded-with-rejects", (string?)entry["status"]);
        Assert.Equal((read, accepted, rejected), ((long)entry["rowsRead"]!, (long)entry["accepted"]!, (long)entry["rejected"]!));
    }

    [Fact]
    public async Task SurveyScoresOutsideTheirScale_AreRejectedNamingTheScale()
    {
        var (entry, rejects) = await IngestAsync("voice/surveys/answers.csv",
            "response_id,answered_at,survey,score,touchpoint\n" +
            "r1,2026-10-01 10:00,nps,11,checkout\n" +
            "r2,2026-10-01 10:00,nps,-1,checkout\n" +
            "r3,2026-10-01 10:00,csat,6,support\n" +
            "r4,2026-10-01 10:00,ces,0,support\n" +
            "r5,2026-10-01 10:00,nps,9.5,checkout\n" +
            "r6,2026-10-01 10:00,nps,10,checkout\n" +
            "r7,2026-10-01 10:00,csat,5,support\n" +
            "r8,2026-10-01 10:00,ces,7,support\n");

        AssertCounts(entry, 8, 3, 5);

        // The rejects CSV is spreadsheet-safe; a plain negative number such as -1 is no formula and is echoed as written.
        Assert.Equal(
            [
                "2,score,11,score 11 is outside the NPS scale 0-10",
                "3,score,-1,score -1 is outside the NPS scale 0-10",
                "4,score,6,score 6 is outside the CSAT scale 1-5",
                "5,score,0,score 0 is outside the CES scale 1-7",
                "6,score,9.5,score 9.5 is not a whole number on the NPS scale 0-10",
            ],
            rejects);
    }

    [Fact]
    public async Task TicketTimesBeforeTheTicketWasOpened_AreRejectedAsNegativeDurations()
    {
        var (entry, rejects) = await IngestAsync("desk/tickets/tickets.csv",
            "ticket_id,opened_at,first_response_at,resolved_at\n" +
            "t1,2026-10-05 09:00,2026-10-05 10:00,2026-10-05 08:00\n" +
            "t2,2026-10-05 09:00,2026-10-04 18:00,\n" +
            "t3,2026-10-05 09:00,2026-10-05 09:30,2026-10-06 12:00\n");

        AssertCounts(entry, 3, 1, 2);
        Assert.Equal(
            [
                "2,resolved_at,2026-10-05 08:00,resolved_at 2026-10-05 08:00 is before opened_at 2026-10-05 09:00",
                "3,first_response_at,2026-10-04 18:00,first_response_at 2026-10-04 18:00 is before opened_at 2026-10-05 09:00",
            ],
            rejects);
    }

    [Fact]
    public async Task OrdersShippedOrDeliveredBeforeTheyWereOrdered_AreRejectedAsNegativeDurations()
    {
        var (entry, rejects) = await IngestAsync("shop/orders/orders.csv",
            "order_id,customer_id,order_date,amount,shipped_at,delivered_at\n" +
            "o1,c1,2026-10-01 10:00,20.00,2026-09-30 12:00,\n" +
            "o2,c1,2026-10-01 10:00,20.00,,2026-10-01 09:00\n" +
            "o3,c2,2026-10-01 10:00,20.00,2026-10-02 10:00,2026-10-04 10:00\n");

        AssertCounts(entry, 3, 1, 2);
        Assert.Equal(
            [
                "2,shipped_at,2026-09-30 12:00,shipped_at 2026-09-30 12:00 is before order_date 2026-10-01 10:00",
                "3,delivered_at,2026-10-01 09:00,delivered_at 2026-10-01 09:00 is before order_date 2026-10-01 10:00",
            ],
            rejects);
    }

    [Fact]
    public async Task OnboardingCompletedBeforeItStarted_AndAMessageOpenedBeforeItWasSent_AreRejected()
    {
        var (entry, rejects) = await IngestAsync("start/onboarding/onboarding.csv",
            "customer_id,started_at,completed_at\nc1,2026-10-05 09:00,2026-10-04 17:00\nc2,2026-10-05 09:00,2026-10-06 09:00\n");

        AssertCounts(entry, 2, 1, 1);
        Assert.Equal(["2,completed_at,2026-10-04 17:00,completed_at 2026-10-04 17:00 is before started_at 2026-10-05 09:00"], rejects);

        var (messages, messageRejects) = await IngestAsync("news/communications/october.csv",
            "message_id,sent_at,channel,opened_at\nm1,2026-10-05 09:00,email,2026-10-05 08:00\nm2,2026-10-05 09:00,email,2026-10-05 11:00\n");

        AssertCounts(messages, 2, 1, 1);
        Assert.Equal(["2,opened_at,2026-10-05 08:00,opened_at 2026-10-05 08:00 is before sent_at 2026-10-05 09:00"], messageRejects);
    }

    [Fact]
    public async Task SentimentsOutsideMinusOneToOne_OrNoKnownLabel_AreRejected()
    {
        var (entry, rejects) = await IngestAsync("brand/mentions/mentions.csv",
            "mention_id,mentioned_at,source,sentiment\n" +
            "n1,2026-10-01 10:00,twitter,1.5\n" +
            "n2,2026-10-01 10:00,twitter,-2\n" +
            "n3,2026-10-01 10:00,reviews,great\n" +
            "n4,2026-10-01 10:00,reviews,neutral\n" +
            "n5,2026-10-01 10:00,twitter,-1\n");

        AssertCounts(entry, 5, 2, 3);

        // A value starting with '-' is neutralised for spreadsheets: '-2.
        Assert.Equal(
            [
                "2,sentiment,1.5,\"sentiment 1.5 is outside [-1, 1]\"",
                "3,sentiment,-2,\"sentiment -2 is outside [-1, 1]\"",
                "4,sentiment,great,\"sentiment 'great' is neither a score in [-1, 1] nor positive, neutral or negative\"",
            ],
            rejects);
    }

    [Fact]
    public async Task TimestampsAfterTheDayOfIngestion_AreRejectedAsFuture()
    {
        var (entry, rejects) = await IngestAsync("later/tickets/tickets.csv",
            "ticket_id,opened_at,resolved_at\n" +
            "t1,2026-10-05 09:00,2099-01-02 10:00\n" +
            "t2,2099-01-01 09:00,\n" +
            "t3,2026-10-05 09:00,2026-10-05 12:00\n");

        AssertCounts(entry, 3, 1, 2);
        Assert.Equal(2, rejects.Length);
        // The reason names the day of ingestion, today in the dataset's time zone.
        Assert.StartsWith("2,resolved_at,2099-01-02 10:00,resolved_at 2099-01-02 is in the future (after 20", rejects[0], StringComparison.Ordinal);
        Assert.StartsWith("3,opened_at,2099-01-01 09:00,opened_at 2099-01-01 is in the future (after 20", rejects[1], StringComparison.Ordinal);
    }
}
