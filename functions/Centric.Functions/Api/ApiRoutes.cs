using Centric.Functions.Api.Keys;

namespace Centric.Functions.Api;

/// <summary>
/// The <c>/api</c> surface: the routes of the whole app, then one <c>/api/datasets/{dataset}</c> group whose dataset
/// name is checked once (<see cref="DatasetNameFilter"/>) and, for a dataset with keys, the caller's key
/// (<see cref="DatasetKeyFilter"/>), then the OpenAPI document and the problem for any other path.
/// </summary>
internal static class ApiRoutes
{
    public static IEndpointRouteBuilder MapCentricApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapHealth().MapDatasets().MapMetricCatalog();

        var dataset = api.MapGroup("/datasets/{" + DatasetNameFilter.Parameter + "}")
            .AddEndpointFilter<RouteGroupBuilder, DatasetNameFilter>()
            .AddEndpointFilter<RouteGroupBuilder, DatasetKeyFilter>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        dataset.MapDataset().MapMetricRows().MapCustomerLists().MapSnapshot().MapCohorts().MapCustomers().MapIngestions().MapExportUpload();

        app.MapOpenApi("/api/openapi.json");
        app.MapFallback("/api/{**path}", (string path) => Problems.NotFound($"There is no route /api/{path}."));
        return app;
    }
}
