using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Centric.Functions.Api;

/// <summary>
/// Routes whose 200 is JSON, or CSV with the same columns when asked (<c>format=csv</c> or <c>Accept: text/csv</c>).
/// Endpoint metadata holds one body per status code, so the <c>text/csv</c> entry of the OpenAPI document is added
/// here, beside the JSON schema of the typed result.
/// </summary>
internal static class CsvResponses
{
    public const string MediaType = "text/csv";

    public const string ContentType = MediaType + "; charset=utf-8";

    /// <summary>Declares that the route's 200 may also be CSV.</summary>
    public static RouteHandlerBuilder ProducesCsvToo(this RouteHandlerBuilder builder) => builder.WithMetadata(CsvAlternative.Instance);

    /// <summary>Adds the <c>text/csv</c> body to the 200 of every route that declared it.</summary>
    public static OpenApiOptions DescribeCsvAlternatives(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.Contains(CsvAlternative.Instance)
                && operation.Responses?.TryGetValue("200", out var ok) == true
                && ok.Content is { } content)
            {
                content[MediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "CSV with a header line; the columns are the JSON fields." },
                };
            }

            return Task.CompletedTask;
        });

    private sealed class CsvAlternative
    {
        public static readonly CsvAlternative Instance = new();
    }
}
