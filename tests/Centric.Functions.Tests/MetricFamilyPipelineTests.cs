using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>The pipeline runs the metric families a dataset's kinds support, not only the orders path.</summary>
public sealed class MetricFamilyPipelineTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    [Fact]
    public async Task CustomersAndTicketsOnly_PublishAGeneration_AsOfTheLastTicket()
    {
        await DropAsync("desk/customers/customers.csv", "customer_id,country\nc1,ES\nc2,IT\n");
        await DropAsync("desk/tickets/tickets.csv", "ticket_id,customer_id,opened_at\nt1,c1,2025-05-02T09:00:00Z\nt2,,2025-06-14T10:00:00Z\n");

        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

        var desk = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/datasets"))!)!;
        Assert.Equal("desk", (string?)desk["dataset"]);
        Assert.False(string.IsNullOrEmpty((string?)desk["generation"]));
        Assert.Equal("2025-06-14", (string?)desk["asOf"]);
        Assert.Equal(["customers", "tickets"], desk["kinds"]!.AsArray().Select(k => (string?)k));
        Assert.Equal(["tickets"], desk["families"]!.AsArray().Select(k => (string?)k));
        var ingestions = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/desk/ingestions");
        Assert.All(ingestions!, i => Assert.Equal("succeeded", (string?)i!["status"]));
    }

    [Fact]
    public async Task OrdersDataset_ListsTheFamiliesItComputed()
    {
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);

        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

        var shop = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/datasets"))!)!;
        Assert.Equal(["orders"], shop["kinds"]!.AsArray().Select(k => (string?)k));
        Assert.Equal(["orders", "predicted-clv", "cohorts", "fulfilment"], shop["families"]!.AsArray().Select(k => (string?)k));
        Assert.Equal("orders", (string?)shop["activityModel"]);
    }

    /// <summary>
    /// x subscribes at 100 from Jan 1 and buys 40 on Jan 5; y subscribes at 50 from Jan 15 to Feb 10; z only buys (60 on
    /// Feb 3, 10 on Mar 1). In February the orders model would count x and z active; subscriptions count x alone, with y
    /// churned, while revenue is z's order.
    /// </summary>
    [Fact]
    public async Task SubscriptionsAndOrders_CustomerBaseFollowsSubscriptions_RevenueFollowsOrders()
    {
        await DropAsync(
            "saas/subscriptions/subscriptions.csv",
            "subscription_id,customer_id,start_date,end_date,mrr,currency\nx1,x,2025-01-01,,100,EUR\ny1,y,2025-01-15,2025-02-10,50,EUR\n");
        await DropAsync("saas/orders/orders.csv", "order_id,customer_id,order_date,amount,currency\no1,x,2025-01-05,40,EUR\no2,z,2025-02-03,60,EUR\no3,z,2025-03-01,10,EUR\n");

        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

        var saas = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/datasets"))!)!;
        Assert.Equal("subscriptions", (string?)saas["activityModel"]);
        Assert.Equal("2025-03-01", (string?)saas["asOf"]);
        async Task<decimal?> FebruaryAsync(string metric) =>
            (decimal?)Assert.Single((await Client.GetFromJsonAsync<JsonArray>($"/api/datasets/saas/metrics/{metric}?from=2025-02&to=2025-02"))!)!["value"];
        Assert.Equal(1m, await FebruaryAsync("active-customers"));
        Assert.Equal(1m, await FebruaryAsync("churned-customers"));
        Assert.Equal(0m, await FebruaryAsync("new-customers"));
        Assert.Equal(60m, await FebruaryAsync("revenue"));
        Assert.Equal(100m, await FebruaryAsync("arpa"));
    }

    [Fact]
    public async Task TopLevelExport_GetsItsKindsMapping_InTheCloudAsOnTheCommandLine()
    {
        await DropAsync("shop/mapping.json", """{"orders": {"Ref": "order_id", "Cuenta": "customer_id", "Día": "order_date", "Importe total": "amount"}}""");
        await DropAsync("shop/orders_2025.csv", "Ref,Cuenta,Día,Importe total\nR1,A1,2025-03-01,42.10\nR2,A2,2025-03-02,7\n");

        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

        var ingestion = (await Client.GetFromJsonAsync<JsonArray>("/api/datasets/shop/ingestions"))!
            .Single(i => (string?)i!["kind"] == "orders")!;
        Assert.Equal("succeeded", (string?)ingestion["status"]);
        Assert.Equal(2, (int?)ingestion["accepted"]);
        var revenue = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/shop/metrics/revenue?from=2025-03&to=2025-03");
        Assert.Equal(49.10m, (decimal?)Assert.Single(revenue!)!["value"]);
    }

    [Fact]
    public async Task TicketsAndMentionsDropped_ResolutionTimeIsServedPerPriority_AndSentimentPerSource()
    {
        // Madrid is UTC+1 in March. t1: 2 h (high); t2: 26 h (low); t3: 4 h 30 min (low), opened at 23:00 on 2 March UTC,
        // which is 3 March in Madrid; t4 is still open.
        await DropAsync("desk/settings.json", """{"timeZone": "Europe/Madrid"}""");
        await DropAsync("desk/tickets/tickets.csv",
            "ticket_id,customer_id,opened_at,first_response_at,resolved_at,channel,priority\n" +
            "t1,c1,2025-03-01 09:00,2025-03-01 09:30,2025-03-01 11:00,Email,High\n" +
            "t2,c2,2025-03-02 08:00,,2025-03-03 10:00,chat,low\n" +
            "t3,,2025-03-02T23:00:00Z,2025-03-03T01:00:00+01:00,2025-03-03 04:30,email,LOW\n" +
            "t4,c3,2025-03-04 10:00,,,chat,high\n");
        // Sentiment: twitter 0.8 and -0.2 (net 0 of 2); news labels positive, positivo and neutral (net 2 of 3).
        await DropAsync("desk/mentions/mentions.csv",
            "mention_id,mentioned_at,source,sentiment\n" +
            "m1,2025-03-01 10:00,twitter,0.8\n" +
            "m2,2025-03-02 10:00,twitter,-0.2\n" +
            "m3,2025-03-02 11:00,news,positive\n" +
            "m4,2025-03-03 11:00,news,positivo\n" +
            "m5,2025-03-04 11:00,news,neutral\n");

        var ingestions = await RunPipelineAsync();
        Assert.All(ingestions, i => Assert.Equal(200, i.Status));

        var resolution = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/desk/metrics/resolution-time-avg?segment=ticket-priority:*");
        var byPriority = resolution!.ToDictionary(r => (string)r!["segment"]!, r => r!);
        Assert.Equal(["ticket-priority:high", "ticket-priority:low"], byPriority.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2m, (decimal?)byPriority["ticket-priority:high"]["value"]);
        Assert.Equal(15.25m, (decimal?)byPriority["ticket-priority:low"]["value"]);
        Assert.Equal(30.5m, (decimal?)byPriority["ticket-priority:low"]["numerator"]);
        Assert.Equal(2m, (decimal?)byPriority["ticket-priority:low"]["denominator"]);
        Assert.Equal("hours", (string?)byPriority["ticket-priority:low"]["unit"]);
        Assert.Equal("2025-03", (string?)byPriority["ticket-priority:low"]["period"]);
        var all = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/datasets/desk/metrics/resolution-time-avg"))!)!;
        Assert.Equal(10.833333m, (decimal?)all["value"]);
        var open = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/datasets/desk/metrics/open-tickets"))!)!;
        Assert.Equal(1m, (decimal?)open["value"]);

        var sentiment = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/desk/metrics/brand-sentiment?segment=mention-source:*");
        var bySource = sentiment!.ToDictionary(r => (string)r!["segment"]!, r => r!);
        Assert.Equal(["mention-source:news", "mention-source:twitter"], bySource.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(66.666667m, (decimal?)bySource["mention-source:news"]["value"]);
        Assert.Equal((2m, 3m), ((decimal?)bySource["mention-source:news"]["numerator"], (decimal?)bySource["mention-source:news"]["denominator"]));
        Assert.Equal(0m, (decimal?)bySource["mention-source:twitter"]["value"]);
        Assert.Equal("score", (string?)bySource["mention-source:twitter"]["unit"]);
        var catalogue = await Client.GetFromJsonAsync<JsonArray>("/api/metrics");
        Assert.Contains(catalogue!, m => (string?)m!["id"] == "open-tickets" && (string?)m!["unit"] == "count");
        Assert.Contains(catalogue!, m => (string?)m!["id"] == "brand-sentiment-score");
        var desk = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/datasets"))!)!;
        Assert.Equal(["tickets", "mentions"], desk["families"]!.AsArray().Select(k => (string?)k));
    }

    [Fact]
    public async Task SurveysDropped_NpsIsServedPerTouchpoint_AndListedInTheCatalogue()
    {
        await DropAsync("voice/surveys/answers.csv",
            "response_id,customer_id,answered_at,survey,score,touchpoint\n" +
            "r1,c1,2025-03-01T10:00:00+01:00,NPS,10,checkout\n" +
            "r2,c2,2025-03-02T10:00:00+01:00,NPS,9,checkout\n" +
            "r3,c3,2025-03-03T10:00:00+01:00,NPS,2,checkout\n" +
            "r4,c4,2025-03-04T10:00:00+01:00,NPS,6,support\n" +
            "r5,c5,2025-03-05T10:00:00+01:00,NPS,8,support\n");

        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

        var rows = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/voice/metrics/nps?segment=touchpoint:*");
        var bySegment = rows!.ToDictionary(r => (string)r!["segment"]!, r => (decimal?)r!["value"]);
        Assert.Equal(33.333333m, bySegment["touchpoint:checkout"]);
        Assert.Equal(-50m, bySegment["touchpoint:support"]);
        var all = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/datasets/voice/metrics/nps"))!)!;
        Assert.Equal(0m, (decimal?)all["value"]);
        Assert.Equal("score", (string?)all["unit"]);
        var catalogue = await Client.GetFromJsonAsync<JsonArray>("/api/metrics");
        Assert.Contains(catalogue!, m => (string?)m!["id"] == "nps");
        Assert.Contains(catalogue!, m => (string?)m!["id"] == "cohort-retention");
    }

    [Fact]
    public async Task OrdersOnboardingAndMessagesDropped_FulfilmentOnboardingAndEngagementAreServed()
    {
        await DropAsync("ops/settings.json", """{"timeZone": "Europe/Madrid"}""");
        await DropAsync("ops/orders/orders.csv",
            "order_id,customer_id,order_date,amount,status,shipped_at,delivered_at\n" +
            // 09:00 UTC on March 29 to 08:00 UTC on March 31, across the change to summer time: 47 hours.
            "o1,c1,2025-03-29T10:00:00+01:00,20,,2025-03-30T10:00:00+02:00,2025-03-31T10:00:00+02:00\n" +
            "o2,c2,2025-03-10 10:00,30,paid,2025-03-10 18:00,2025-03-12 10:00\n" +
            "o3,c1,2025-03-15 10:00,40,cancelled,2025-03-16,2025-03-20\n" +
            // Placed on March 31, delivered on April 2: 30 hours, in April.
            "o4,c2,2025-03-31 22:00,15,,2025-04-01 10:00,2025-04-02 04:00\n");
        await DropAsync("ops/onboarding/onboarding.csv",
            "customer_id,started_at,completed_at\nc1,2025-03-01 09:00,2025-03-03 09:00\nc2,2025-03-05,\n" +
            "c3,2025-03-06 10:00,2025-03-06 12:30\nc4,2025-04-01,\n");
        await DropAsync("ops/communications/messages.csv",
            "message_id,customer_id,sent_at,channel,delivered_at,opened_at,clicked_at,unsubscribed_at\n" +
            "m1,c1,2025-03-02 10:00,Email,2025-03-02 10:01,2025-03-02 12:00,,\n" +
            "m2,c2,2025-03-03 10:00,email,2025-03-03 10:01,,,\n" +
            "m3,c3,2025-03-04 10:00,SMS,2025-03-04 10:00,2025-03-04 10:05,2025-03-04 10:06,\n" +
            "m4,,2025-03-05 10:00,sms,,,,\n" +
            "m5,c1,2025-04-05 10:00,email,2025-04-05 10:01,,,\n");

        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

        var ops = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/datasets"))!)!;
        Assert.Equal("2025-04-05", (string?)ops["asOf"]);
        Assert.Equal(
            ["orders", "predicted-clv", "cohorts", "fulfilment", "onboarding", "engagement"],
            ops["families"]!.AsArray().Select(k => (string?)k));
        var delivery = (await Client.GetFromJsonAsync<JsonArray>("/api/datasets/ops/metrics/order-to-delivery-avg"))!
            .ToDictionary(r => (string)r!["period"]!, r => r!);
        // March: o1 47 and o2 48 hours; o3 is cancelled.
        Assert.Equal((47.5m, 95m, 2m), Numbers(delivery["2025-03"]));
        Assert.Equal("hours", (string?)delivery["2025-03"]["unit"]);
        Assert.Equal((30m, 30m, 1m), Numbers(delivery["2025-04"]));
        var onboarding = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/datasets/ops/metrics/onboarding-completion-rate?from=2025-03&to=2025-03"))!)!;
        Assert.Equal((66.666667m, 2m, 3m), Numbers(onboarding));
        var opens = (await Client.GetFromJsonAsync<JsonArray>("/api/datasets/ops/metrics/engagement-open-rate?segment=message-channel:*&from=2025-03&to=2025-03"))!
            .ToDictionary(r => (string)r!["segment"]!, r => r!);
        Assert.Equal(["message-channel:email", "message-channel:sms"], opens.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((50m, 1m, 2m), Numbers(opens["message-channel:email"]));
        Assert.Equal((100m, 1m, 1m), Numbers(opens["message-channel:sms"]));
        Assert.True((bool?)opens["message-channel:sms"]["lowSample"]);
        var catalogue = await Client.GetFromJsonAsync<JsonArray>("/api/metrics");
        Assert.Contains(catalogue!, m => (string?)m!["id"] == "order-to-ship-p90" && (string?)m!["unit"] == "hours");
        Assert.Contains(catalogue!, m => (string?)m!["id"] == "onboarding-time-avg" && (string?)m!["unit"] == "days");
        Assert.Contains(catalogue!, m => (string?)m!["id"] == "engagement-click-to-open");
    }

    private static (decimal? Value, decimal? Numerator, decimal? Denominator) Numbers(JsonNode row) =>
        ((decimal?)row["value"], (decimal?)row["numerator"], (decimal?)row["denominator"]);
}
