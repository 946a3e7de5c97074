using Centric.LocalHost.Configuration;
using Centric.LocalHost.Http;

namespace Centric.LocalHost.Tests.Http;

public class RouteTemplateTests
{
    [Theory]
    [InlineData("datasets/{dataset}/{*path}", "datasets/acme/metrics/churn", "dataset=acme;path=metrics/churn")]
    [InlineData("datasets/{dataset}/{*path}", "datasets/acme", "dataset=acme;path=")]
    [InlineData("datasets/{dataset}/{*path}", "Datasets/acme/", "dataset=acme;path=")]
    [InlineData("datasets/{dataset}/{*path}", "datasets/caf%C3%A9/x", "dataset=café;path=x")]
    [InlineData("datasets", "datasets", "")]
    [InlineData("customers/{id:int}", "customers/42", "id=42")]
    [InlineData("items/{id?}", "items", "")]
    [InlineData("items/{id?}", "items/7", "id=7")]
    public void Match_AcceptsPathsTheTemplateDescribes(string template, string path, string expected)
    {
        var values = RouteTemplate.Parse(template).Match(path);

        Assert.NotNull(values);
        Assert.Equal(expected, string.Join(';', values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")));
    }

    [Theory]
    [InlineData("datasets/{dataset}/{*path}", "datasets")]
    [InlineData("datasets/{dataset}/{*path}", "other/acme/x")]
    [InlineData("datasets", "datasets/acme")]
    [InlineData("health", "")]
    [InlineData("items/{id?}", "items/7/8")]
    public void Match_RejectsOtherPaths(string template, string path)
    {
        Assert.Null(RouteTemplate.Parse(template).Match(path));
    }

    [Fact]
    public void Parse_CatchAllBeforeTheEnd_IsAnError()
    {
        Assert.Throws<FormatException>(() => RouteTemplate.Parse("{*path}/more"));
    }

    [Fact]
    public void Router_PrefersLiteralRoutes_AndChecksMethodsAndPrefix()
    {
        var router = new HttpFunctionRouter("api",
        [
            new HttpFunction("DatasetApi", "req", ["GET", "POST"], "datasets/{dataset}/{*path}"),
            new HttpFunction("Datasets", "req", ["GET"], "datasets"),
            new HttpFunction("Special", "req", ["GET"], "datasets/special/report"),
            new HttpFunction("Anything", "req", [], "any/{*rest}"),
        ]);

        Assert.Equal("Datasets", router.Match("GET", "/api/datasets")?.Name);
        Assert.Equal("DatasetApi", router.Match("get", "/api/datasets/acme/snapshot")?.Name);
        Assert.Equal("DatasetApi", router.Match("POST", "/API/datasets/acme/exports/orders")?.Name);
        Assert.Equal("Special", router.Match("GET", "/api/datasets/special/report")?.Name);
        Assert.Equal("Anything", router.Match("PATCH", "/api/any/x/y")?.Name);
        Assert.Null(router.Match("DELETE", "/api/datasets/acme/x"));
        Assert.Null(router.Match("POST", "/api/datasets"));
        Assert.Null(router.Match("GET", "/datasets"));
        Assert.Null(router.Match("GET", "/apidatasets"));
        Assert.Null(router.Match("GET", "/api/unknown"));
    }

    [Fact]
    public void Router_WithAnEmptyPrefix_MatchesFromTheRoot()
    {
        var router = new HttpFunctionRouter(string.Empty, [new HttpFunction("Health", "req", ["GET"], "health")]);

        Assert.Equal("Health", router.Match("GET", "/health")?.Name);
        Assert.Null(router.Match("GET", "/api/health"));
    }
}
