using System.Collections.Frozen;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Centric.Functions.Api;

/// <summary>
/// The query parameters a route takes. A request with any other is a 400 naming it and the ones the route takes:
/// the routes read their query themselves, and a misspelt <c>form=2026-01</c> would otherwise be read as no filter at
/// all and answer every period. Every route also takes <c>code</c>, the function key Azure Functions reads from the
/// query. The OpenAPI document lists each route's parameters.
/// </summary>
internal static class QueryParameters
{
    /// <summary>The function key, which Azure Functions accepts in the query on every route.</summary>
    public const string FunctionKey = "code";

    /// <summary>Declares the route's query parameters (none: only <c>code</c>) and refuses any other.</summary>
    public static RouteHandlerBuilder Takes(this RouteHandlerBuilder builder, params QueryParameter[] parameters)
    {
        var declared = new DeclaredQuery(parameters);
        return builder.WithMetadata(declared)
            .AddEndpointFilter(async (context, next) =>
                declared.FirstUnknown(context.HttpContext.Request.Query) is { } unknown
                    ? Problems.InvalidParameter(unknown, declared.Refusal(unknown))
                    : await next(context))
            .ProducesValidationProblem();
    }

    /// <summary>Adds each route's declared query parameters to its operation in the OpenAPI document.</summary>
    public static OpenApiOptions DescribeQueryParameters(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DeclaredQuery>().FirstOrDefault() is { } declared)
            {
                operation.Parameters ??= [];
                foreach (var parameter in declared.Parameters.Where(p => operation.Parameters.All(o => o.Name != p.Name)))
                {
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = parameter.Name,
                        In = ParameterLocation.Query,
                        Description = parameter.Description,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }
            }

            return Task.CompletedTask;
        });

    /// <summary>Endpoint metadata: the parameters one route takes.</summary>
    private sealed class DeclaredQuery(IReadOnlyList<QueryParameter> parameters)
    {
        // Query names are matched without regard to case, as the routes read them.
        private readonly FrozenSet<string> _names =
            parameters.Select(p => p.Name).Append(FunctionKey).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        public IReadOnlyList<QueryParameter> Parameters => parameters;

        public string? FirstUnknown(IQueryCollection query) => query.Keys.FirstOrDefault(name => !_names.Contains(name));

        public string Refusal(string unknown) => parameters.Count == 0
            ? $"'{unknown}' is not a query parameter of this route: it takes none."
            : $"'{unknown}' is not a query parameter of this route: it takes {string.Join(", ", parameters.Select(p => p.Name))}.";
    }
}

/// <summary>A query parameter of a route, with the description the OpenAPI document gives it.</summary>
internal sealed record QueryParameter(string Name, string Description);
