namespace Centric.Infra.Tests;

/// <summary>azure.yaml points `azd up` at the Bicep entry point and the function app project.</summary>
public sealed class AzdConfigurationTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "azure.yaml"));

    [Theory]
    [InlineData("provider: bicep")]
    [InlineData("path: infra")]
    [InlineData("module: main")]
    [InlineData("api:")]
    [InlineData("project: functions/Centric.Functions")]
    [InlineData("language: dotnet")]
    [InlineData("host: function")]
    public void AzureYaml_DeclaresTheInfraAndTheApiService(string line)
    {
        Assert.Contains(line, Lines.Select(text => text.Trim()));
    }

    [Fact]
    public void AzureYaml_PathsExist()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Infra, "main.bicep")));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Infra, "main.bicepparam")));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.FunctionsProject, "Centric.Functions.csproj")));
    }

    [Fact]
    public void FunctionApp_IsTaggedWithTheAzdServiceName()
    {
        var module = File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "modules", "function-app.bicep"));

        Assert.Contains("'azd-service-name': 'api'", module, StringComparison.Ordinal);
    }
}
