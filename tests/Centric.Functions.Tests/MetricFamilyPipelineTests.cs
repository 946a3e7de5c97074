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
        Assert.Empty(desk["families"]!.AsArray());
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
        Assert.Equal(["orders", "predicted-clv", "cohorts"], shop["families"]!.AsArray().Select(k => (string?)k));
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
}
