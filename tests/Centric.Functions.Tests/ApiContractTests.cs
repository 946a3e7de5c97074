using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>The public surface of the API: its OpenAPI description and its problem details for bad requests.</summary>
public sealed class ApiContractTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DropAsync("shop/orders/orders.csv", PipelineTests.OrdersCsv);
        await RunPipelineAsync();
    }

    [Fact]
    public async Task Dataset_IsItsEntryInTheList_WithNoFailedComputeAfterASuccessfulRun()
    {
        var list = await Client.GetFromJsonAsync<JsonArray>("/api/datasets");
        var one = await Client.GetFromJsonAsync<JsonObject>("/api/datasets/shop");

        Assert.Equal(list!.Single(d => (string?)d!["dataset"] == "shop")!.ToJsonString(), one!.ToJsonString());
        Assert.NotNull((string?)one["generation"]);
        Assert.True(one.ContainsKey("lastFailedCompute"));
        Assert.Null(one["lastFailedCompute"]);
    }

    [Fact]
    public async Task OpenApi_DescribesThePublicRoutesOnly()
    {
        var document = await Client.GetFromJsonAsync<JsonObject>("/api/openapi.json");

        Assert.StartsWith("3.1", (string?)document!["openapi"], StringComparison.Ordinal);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.Contains("/api/datasets/{dataset}/metrics/{metric}", paths);
        Assert.Contains("/api/datasets/{dataset}/exports/{kind}", paths);
        Assert.Contains("/api/health", paths);
        Assert.Contains("/api/datasets/{dataset}/cohorts", paths);
        Assert.DoesNotContain(paths, p => p.Contains("Ingest", StringComparison.Ordinal) || p.Contains("Compute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApi_DescribesTheBodyOfEverySuccessfulResponse()
    {
        var document = await Client.GetFromJsonAsync<JsonObject>("/api/openapi.json");

        var undescribed = new List<string>();
        var operations = 0;
        foreach (var (path, item) in document!["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Value?["responses"] is JsonObject))
            {
                operations++;
                var successes = operation!["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToArray();
                if (successes.Length == 0)
                {
                    undescribed.Add($"{method} {path}: no 2xx response");
                }

                foreach (var (status, response) in successes)
                {
                    var content = response?["content"] as JsonObject;
                    if (content is null || content.Count == 0)
                    {
                        undescribed.Add($"{method} {path} {status}: no content");
                        continue;
                    }

                    undescribed.AddRange(content.Where(c => c.Value?["schema"] is null).Select(c => $"{method} {path} {status} {c.Key}: no schema"));
                }
            }
        }

        Assert.True(operations >= 10, $"Expected the API's operations, found {operations}.");
        Assert.True(undescribed.Count == 0, string.Join("; ", undescribed));
    }

    [Theory]
    [InlineData("/api/datasets/{dataset}/metrics/{metric}", "application/json", "text/csv")]
    [InlineData("/api/datasets/{dataset}/cohorts", "application/json", "text/csv")]
    [InlineData("/api/datasets/{dataset}/ingestions/{id}/rejects", "text/csv")]
    [InlineData("/api/datasets/{dataset}/snapshot", "application/json")]
    public async Task OpenApi_NamesTheMediaTypesARouteAnswersWith(string path, params string[] mediaTypes)
    {
        var document = await Client.GetFromJsonAsync<JsonObject>("/api/openapi.json");

        var content = document!["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!.AsObject();

        Assert.Equal(mediaTypes.Order(StringComparer.Ordinal), content.Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("GET", "/api/datasets/bad%20name")]
    [InlineData("GET", "/api/datasets/bad%20name/metrics/revenue")]
    [InlineData("GET", "/api/datasets/bad%20name/snapshot")]
    [InlineData("GET", "/api/datasets/bad%20name/cohorts")]
    [InlineData("GET", "/api/datasets/bad%20name/customers/c1")]
    [InlineData("GET", "/api/datasets/bad%20name/clv")]
    [InlineData("GET", "/api/datasets/bad%20name/ingestions")]
    [InlineData("GET", "/api/datasets/bad%20name/ingestions/i1")]
    [InlineData("GET", "/api/datasets/bad%20name/ingestions/i1/rejects")]
    [InlineData("POST", "/api/datasets/bad%20name/exports/orders")]
    public async Task DatasetName_IsCheckedForEveryDatasetRoute_AndTheProblemNamesTheParameter(string method, string url)
    {
        var problem = await BadRequestAsync(method, url);
        Assert.Contains("'bad name' is not a dataset name", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Single(problem["errors"]!["dataset"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/datasets/shop/metrics/churn-rate?grain=week", 400, "grain 'week'")]
    [InlineData("/api/datasets/shop/metrics/churn-rate?from=last-year", 400, "from 'last-year'")]
    [InlineData("/api/datasets/shop/metrics/churn-rate?from=2025-03&to=2025-01", 400, "is after to")]
    [InlineData("/api/datasets/shop/metrics/churn-rate?preset=median", 400, "preset 'median'")]
    [InlineData("/api/datasets/shop/metrics/revenue?preset=start", 400, "has no presets")]
    [InlineData("/api/datasets/shop/metrics/churn-rate?top=0", 400, "top '0'")]
    [InlineData("/api/datasets/shop/metrics/churn-rate?format=xml", 400, "format 'xml'")]
    [InlineData("/api/datasets/shop/metrics/revenue?segment=country:", 400, "segment 'country:' is not * or attribute:value with both parts given (e.g. country:ES")]
    [InlineData("/api/datasets/shop/metrics/revenue?segment=:ES", 400, "segment ':ES' is not * or attribute:value")]
    [InlineData("/api/datasets/shop/metrics/revenue?segment=", 400, "segment '' is not * or attribute:value")]
    [InlineData("/api/datasets/shop/metrics/revenue?grain=", 400, "grain '' is not one of month, quarter, year")]
    [InlineData("/api/datasets/shop/metrics/revenue?to=2025-13", 400, "to '2025-13' is not a date (YYYY-MM, YYYY-MM-DD or YYYY)")]
    [InlineData("/api/datasets/shop/metrics/churn-rate?preset=", 400, "preset '' is not one of average, start, start-plus-new (or all)")]
    [InlineData("/api/datasets/shop/metrics/revenue?top=ten", 400, "top 'ten' is not a whole number from 1 to 10000")]
    [InlineData("/api/datasets/shop/metrics/revenue?skip=-1", 400, "skip '-1' is not a whole number from 0 to")]
    [InlineData("/api/datasets/shop/metrics/happiness", 404, "no metric 'happiness'")]
    [InlineData("/api/datasets/nowhere/metrics/revenue", 404, "no dataset 'nowhere'")]
    [InlineData("/api/datasets/nowhere", 404, "There is no dataset 'nowhere'.")]
    [InlineData("/api/datasets/bad%20name/metrics/revenue", 400, "not a dataset name")]
    [InlineData("/api/no/such/route", 404, "no route")]
    public async Task BadRequests_AreProblemDetailsThatSayWhatIsWrong(string url, int status, string detail)
    {
        var response = await Client.GetAsync(url);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(detail, (string?)problem!["detail"], StringComparison.Ordinal);
        Assert.Equal(status, (int?)problem["status"]);
    }

    [Theory]
    [InlineData("GET", "/api/datasets/shop/metrics/revenue?form=2025-01", "form", "it takes from, to, grain, segment, preset, format, top, skip.")]
    [InlineData("GET", "/api/datasets/shop/metrics/revenue?grain=month&Period=2025-01", "Period", "it takes from, to, grain, segment, preset, format, top, skip.")]
    [InlineData("GET", "/api/datasets/shop/metrics/new-customers/customers?period=2025-01&top=5", "top", "it takes period, grain, segment, format.")]
    [InlineData("GET", "/api/datasets/shop/cohorts?grain=quarter", "grain", "it takes format.")]
    [InlineData("GET", "/api/datasets/shop/snapshot?period=2025-01", "period", "it takes none.")]
    [InlineData("GET", "/api/datasets/shop/customers/c1?asOf=2025-01-31", "asOf", "it takes none.")]
    [InlineData("GET", "/api/datasets/shop/clv?model=pareto-nbd", "model", "it takes none.")]
    [InlineData("GET", "/api/datasets/shop/clv/p-alive?bins=20", "bins", "it takes none.")]
    [InlineData("GET", "/api/datasets/shop/ingestions?status=failed", "status", "it takes none.")]
    [InlineData("GET", "/api/datasets/shop/ingestions/i1?x=1", "x", "it takes none.")]
    [InlineData("GET", "/api/datasets/shop/ingestions/i1/rejects?x=1", "x", "it takes none.")]
    [InlineData("GET", "/api/datasets/shop?x=1", "x", "it takes none.")]
    [InlineData("GET", "/api/datasets?x=1", "x", "it takes none.")]
    [InlineData("GET", "/api/metrics?x=1", "x", "it takes none.")]
    [InlineData("GET", "/api/health?x=1", "x", "it takes none.")]
    [InlineData("POST", "/api/datasets/shop/exports/orders?name=late.csv", "name", "it takes fileName.")]
    public async Task UnknownQueryParameter_IsA400NamingIt_AndTheOnesTheRouteTakes(string method, string url, string parameter, string takes)
    {
        var problem = await BadRequestAsync(method, url);
        Assert.Equal($"'{parameter}' is not a query parameter of this route: {takes}", (string?)problem["detail"]);
        Assert.Single(problem["errors"]![parameter]!.AsArray());
    }

    [Theory]
    [InlineData("/api/datasets/shop/metrics/revenue?GRAIN=month&code=the-function-key")]
    [InlineData("/api/datasets/shop/snapshot?code=the-function-key")]
    [InlineData("/api/health?code=the-function-key")]
    public async Task TheFunctionKeyAndAnyCaseOfAKnownParameter_AreAccepted(string url)
    {
        var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/datasets/{dataset}/metrics/{metric}", "get", "from,to,grain,segment,preset,format,top,skip")]
    [InlineData("/api/datasets/{dataset}/metrics/{metric}/customers", "get", "period,grain,segment,format")]
    [InlineData("/api/datasets/{dataset}/cohorts", "get", "format")]
    [InlineData("/api/datasets/{dataset}/exports/{kind}", "post", "fileName")]
    [InlineData("/api/datasets/{dataset}/snapshot", "get", "")]
    public async Task OpenApi_ListsTheQueryParametersOfEachRoute(string path, string method, string names)
    {
        var document = await Client.GetFromJsonAsync<JsonObject>("/api/openapi.json");

        var parameters = document!["paths"]![path]![method]!["parameters"]?.AsArray() ?? [];
        var query = parameters.Where(p => (string?)p!["in"] == "query").ToArray();
        Assert.Equal(names.Split(',', StringSplitOptions.RemoveEmptyEntries), query.Select(p => (string?)p!["name"]));
        Assert.All(query, p => Assert.False(string.IsNullOrWhiteSpace((string?)p!["description"])));
    }

    /// <summary>Sends the request (a POST with a one-order CSV body), checks it is a 400 problem, and returns the problem.</summary>
    private async Task<JsonObject> BadRequestAsync(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = new StringContent("order_id,customer_id,order_date,amount\no1,c1,2025-01-01,1\n");
        }

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task Paging_LinksToTheNextPage()
    {
        var response = await Client.GetAsync("/api/datasets/shop/metrics/revenue?segment=*&top=1");

        var rows = await response.Content.ReadFromJsonAsync<JsonArray>();
        Assert.Single(rows!);
        Assert.Equal("2", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Contains("skip=1", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_ListsEveryMetricWithItsDefinitionAndVersion()
    {
        var catalogue = await Client.GetFromJsonAsync<JsonArray>("/api/metrics");

        var churn = catalogue!.Single(m => (string?)m!["id"] == "churn-rate")!;
        Assert.Equal(["average", "start", "start-plus-new"], churn["presets"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(2, (int?)churn["version"]);
        Assert.Contains(catalogue!, m => (string?)m!["id"] == "clv-predicted");
        Assert.All(catalogue!, m => Assert.False(string.IsNullOrWhiteSpace((string?)m!["definition"])));
    }
}
