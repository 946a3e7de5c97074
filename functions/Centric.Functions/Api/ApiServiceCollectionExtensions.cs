using System.Text.Json.Serialization;
using Centric.Functions.Api.Keys;
using Centric.Functions.Api.Serving;

namespace Centric.Functions.Api;

/// <summary>Registers the API's JSON contracts (source-generated, first in the resolver chain) and its OpenAPI document.</summary>
internal static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddCentricApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddSingleton<DatasetKeys>();
        services.AddSingleton<CurrentGenerations>();
        services.AddSingleton(GenerationRows.Load(configuration));
        services.AddSingleton<ServedRows>();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);

            // Numbers are written as numbers; not accepting them as strings either lets the OpenAPI schemas say
            // "integer" and "number" rather than "integer or string". The API reads no JSON bodies.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi(options => options.DescribeCsvAlternatives().DescribeQueryParameters());
        return services;
    }
}
