using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// The Olist-shaped orders export dropped into the exports container with its long-form mapping.json and São Paulo
/// settings: the pipeline rejects only the two invalid rows and serves revenue in BRL and orders per complete month
/// equal to a sum over the file — the numbers <c>centric compute</c> gives for the same folder.
/// </summary>
public sealed class OlistPipelineTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    [Fact]
    public async Task OlistExport_IsReadWithItsMapping_AndServesTheFilesMonthlyRevenueInBrl()
    {
        var csv = OlistExport.OrdersCsv();
        await DropAsync("olist/mapping.json", OlistExport.MappingJson);
        await DropAsync("olist/settings.json", OlistExport.SettingsJson);
        await DropAsync("olist/orders/" + OlistExport.FileName, csv);

        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

        var ingestion = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/datasets/olist/ingestions"))!, i => (string?)i!["kind"] == "orders")!;
        Assert.Equal(("succeeded-with-rejects", 2L), ((string?)ingestion["status"], (long?)ingestion["rejected"]));
        var revenue = (await Client.GetFromJsonAsync<JsonArray>("/api/datasets/olist/metrics/revenue?grain=month&segment=*"))!
            .Where(r => (bool?)r!["partial"] == false).ToArray();
        var orders = (await Client.GetFromJsonAsync<JsonArray>("/api/datasets/olist/metrics/orders?grain=month&segment=*"))!;
        var expected = OlistExport.MonthlyTotals(csv);

        Assert.Equal(["2017-01", "2017-02", "2017-03", "2017-04", "2017-05"], revenue.Select(r => (string?)r!["period"]));
        foreach (var row in revenue)
        {
            var period = (string)row!["period"]!;
            Assert.Equal(expected[period].Revenue, (decimal?)row["value"]);
            Assert.Equal("BRL", (string?)row["unit"]);
            Assert.Null((string?)row["warning"]);
            Assert.Equal(expected[period].Orders, (decimal?)orders.Single(o => (string?)o!["period"] == period)!["value"]);
        }

        var dataset = (await Client.GetFromJsonAsync<JsonArray>("/api/datasets"))!.Single(d => (string?)d!["dataset"] == "olist")!;
        Assert.Equal("BRL", (string?)dataset["reportingCurrency"]);
    }
}
