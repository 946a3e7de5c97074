using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace Centric.Functions.Api.OData;

/// <summary>
/// The OData v4 feed at <c>/api/odata</c> for Power BI's and Excel's OData connectors (docs/odata.md): the protocol is
/// Microsoft.AspNetCore.OData's, on controllers beside the minimal API.
/// </summary>
internal static class ODataRegistration
{
    public const string RoutePrefix = "api/odata";

    public static IServiceCollection AddCentricOData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ODataPaging(configuration.GetValue("OData:PageSize", ODataPaging.DefaultPageSize)));
        services.AddSingleton<FeedAnswers>();
        services.AddControllers(options =>
            {
                options.Conventions.Add(new HiddenFromOpenApi());
                options.Filters.Add<FeedAnswers.Capture>();
            })
            .AddOData(options => options
                .AddRouteComponents(RoutePrefix, Model())
                .Select().Filter().OrderBy().Count().SkipToken().SetMaxTop(ODataPaging.MaxTop));
        return services;
    }

    public static IEndpointRouteBuilder MapCentricOData(this IEndpointRouteBuilder app)
    {
        app.MapControllers();
        return app;
    }

    public static IEdmModel Model()
    {
        var builder = new ODataConventionModelBuilder { Namespace = "Centric", ContainerName = "Centric" };
        // Keys are named, not guessed: Ingestion and Customer also have an {Type}Id property.
        builder.EntitySet<Snapshot>("Snapshots").EntityType.HasKey(e => e.Id);
        builder.EntitySet<Metric>("Metrics").EntityType.HasKey(e => e.Id);
        builder.EntitySet<Dataset>("Datasets").EntityType.HasKey(e => e.Id);
        builder.EntitySet<Ingestion>("Ingestions").EntityType.HasKey(e => e.Id);
        builder.EntitySet<Customer>("Customers").EntityType.HasKey(e => e.Id);
        builder.EntitySet<Cohort>("Cohorts").EntityType.HasKey(e => e.Id);
        builder.EnableLowerCamelCase();
        return builder.GetEdmModel();
    }

    /// <summary>The OpenAPI document describes the JSON API; the OData feed describes itself in <c>$metadata</c>.</summary>
    private sealed class HiddenFromOpenApi : IControllerModelConvention
    {
        public void Apply(ControllerModel controller) => controller.ApiExplorer.IsVisible = false;
    }
}

/// <summary>Server-driven paging: rows per response (a smaller page in tests), and the largest <c>$top</c>.</summary>
public sealed record ODataPaging(int PageSize)
{
    public const int DefaultPageSize = 5000;

    public const int MaxTop = 1_000_000_000;
}
