using System.Text.Json.Nodes;

namespace Centric.Infra.Tests.Bicep;

/// <summary>Every Bicep file compiles and lints clean with the real compiler and infra/bicepconfig.json.</summary>
public sealed class BicepCompileTests
{
    public static TheoryData<string> BicepFiles() => new(InfraFiles("*.bicep"));

    public static TheoryData<string> AllBicepFiles() => new(InfraFiles("*.bicep").Concat(InfraFiles("*.bicepparam")));

    [Fact]
    public void Infra_HoldsMainModulesAndParameters()
    {
        var files = InfraFiles("*.bicep").Concat(InfraFiles("*.bicepparam")).ToList();

        Assert.Contains("main.bicep", files);
        Assert.Contains("main.bicepparam", files);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Infra, "bicepconfig.json")));
        Assert.Equal(
            ["modules/event-grid.bicep", "modules/function-app.bicep", "modules/identity.bicep", "modules/monitoring.bicep",
             "modules/roles.bicep", "modules/storage.bicep"],
            files.Where(file => file.StartsWith("modules/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllBicepFiles))]
    public async Task Lint_EveryBicepFile_ReportsNothing(string file)
    {
        var result = await BicepCli.RunAsync("lint", Path.Combine(RepositoryPaths.Infra, file));

        Assert.True(result.ExitCode == 0 && result.Output.Length == 0, $"bicep lint {file} (exit {result.ExitCode}):\n{result.Output}");
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Build_EveryBicepFile_CompilesWithoutDiagnostics(string file)
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"centric-{Guid.NewGuid():N}.json");
        try
        {
            var result = await BicepCli.RunAsync("build", Path.Combine(RepositoryPaths.Infra, file), "--outfile", outFile);

            Assert.True(result.ExitCode == 0 && result.Output.Length == 0, $"bicep build {file} (exit {result.ExitCode}):\n{result.Output}");
            Assert.NotNull(ArmTemplate.Parse(await File.ReadAllTextAsync(outFile)).Root["resources"]);
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    [Theory]
    [InlineData("dev", 40, 2048, "Standard_LRS")]
    [InlineData("prod", 200, 4096, "Standard_ZRS")]
    public async Task BuildParams_ForEnvironment_SizesTheDeploymentForIt(
        string environment, int maximumInstanceCount, int instanceMemoryMB, string storageSkuName)
    {
        var parameters = await BuildParamsAsync(environment);

        Assert.Equal(environment, parameters["environment"]?["value"]?.GetValue<string>());
        Assert.Equal(maximumInstanceCount, parameters["maximumInstanceCount"]?["value"]?.GetValue<int>());
        Assert.Equal(instanceMemoryMB, parameters["instanceMemoryMB"]?["value"]?.GetValue<int>());
        Assert.Equal(storageSkuName, parameters["storageSkuName"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public async Task BuildParams_UnknownEnvironment_IsRejectedByTheAllowedValues()
    {
        var result = await BicepCli.RunAsync(
            ["build-params", Path.Combine(RepositoryPaths.Infra, "main.bicepparam"), "--stdout"],
            new Dictionary<string, string?> { ["CENTRIC_ENVIRONMENT"] = "staging" });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("BCP033", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_WithRepositoryConfig_TreatsLinterFindingsAsErrors()
    {
        // A copy of the real bicepconfig.json beside a file with an unused parameter (a default 'warning' rule).
        var folder = Directory.CreateTempSubdirectory("centric-lint-").FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryPaths.Infra, "bicepconfig.json"), Path.Combine(folder, "bicepconfig.json"));
            var file = Path.Combine(folder, "unused.bicep");
            await File.WriteAllTextAsync(file, "@description('Never used.')\nparam unused string\n");

            var result = await BicepCli.RunAsync("lint", file);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Error no-unused-params", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<JsonObject> BuildParamsAsync(string environment)
    {
        var result = await BicepCli.RunAsync(
            ["build-params", Path.Combine(RepositoryPaths.Infra, "main.bicepparam"), "--stdout"],
            new Dictionary<string, string?> { ["CENTRIC_ENVIRONMENT"] = environment });
        Assert.True(result.ExitCode == 0 && result.StandardError.Length == 0, $"bicep build-params ({environment}):\n{result.Output}");

        var compiled = JsonNode.Parse(result.StandardOutput)?["parametersJson"]?.GetValue<string>()
            ?? throw new InvalidOperationException("build-params printed no parametersJson.");
        return JsonNode.Parse(compiled)?["parameters"]?.AsObject()
            ?? throw new InvalidOperationException("The parameters file has no parameters.");
    }

    private static IEnumerable<string> InfraFiles(string pattern) =>
        Directory.EnumerateFiles(RepositoryPaths.Infra, pattern, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Infra, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
