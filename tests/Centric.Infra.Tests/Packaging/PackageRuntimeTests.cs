using System.Text.Json.Nodes;

namespace Centric.Infra.Tests.Packaging;

/// <summary>
/// The deployed handler runs as it was measured (docs/performance.md, docs/deploy.md): its runtime settings are in the
/// package's runtime configuration.
/// </summary>
[Collection(PackageGroup.Name)]
public sealed class PackageRuntimeTests(PackageFixture package)
{
    [Fact]
    public void RuntimeConfiguration_ConservesMemory_AndOptimisesHotMethodsWithoutDelay()
    {
        var properties = JsonNode.Parse(package.Read("Centric.Functions.runtimeconfig.json"))?["runtimeOptions"]?["configProperties"];

        Assert.Equal(7, properties?["System.GC.ConserveMemory"]?.GetValue<int>());
        Assert.Equal(0, properties?["System.Runtime.TieredCompilation.CallCountingDelayMs"]?.GetValue<int>());
        Assert.False(properties?["System.GC.Server"]?.GetValue<bool>() ?? false, "The handler runs the workstation GC.");
    }
}
