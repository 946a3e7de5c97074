using System.Text.Json.Serialization;
using Centric.Testing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Centric.Functions.Tests;

/// <summary>Every JSON body an /api route declares is serialized by the source-generated contracts, not by reflection.</summary>
public sealed class JsonContractTests(AzuriteFixture azurite) : HandlerTest(azurite)
{
    [Fact]
    public void EveryDeclaredSuccessBody_IsInTheSourceGeneratedContext()
    {
        var options = Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var bodies = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.PathSegments is [{ Parts: [RoutePatternLiteralPart { Content: "api" }] }, ..])
            .SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>())
            .Where(m => m.StatusCode is >= 200 and < 300 && m.Type is { } t && t != typeof(void) && t != typeof(string) && m.ContentTypes.Contains("application/json"))
            .Select(m => m.Type!)
            .Distinct()
            .ToArray();

        Assert.True(bodies.Length >= 8, $"Expected the API's response types, found {bodies.Length}.");
        Assert.All(bodies, type => Assert.True(
            options.GetTypeInfo(type).OriginatingResolver is JsonSerializerContext,
            $"{type} is serialized by {options.GetTypeInfo(type).OriginatingResolver}, not by the API's JsonSerializerContext."));
    }
}
