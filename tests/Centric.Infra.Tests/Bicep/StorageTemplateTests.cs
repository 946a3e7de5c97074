using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Centric.Infra.Tests.Bicep;

/// <summary>The storage account is identity-only and holds the stores of docs/architecture.md.</summary>
public sealed class StorageTemplateTests(CompiledTemplateFixture fixture) : IClassFixture<CompiledTemplateFixture>
{
    private ArmTemplate Template => fixture.Template;

    [Fact]
    public void StorageAccount_DisablesKeysAndPublicBlobs_AndRequiresTls12OverHttps()
    {
        var account = Template.Single("Microsoft.Storage/storageAccounts");

        Assert.False(account.Properties.Flag("allowSharedKeyAccess"));
        Assert.False(account.Properties.Flag("allowBlobPublicAccess"));
        Assert.Equal("TLS1_2", account.Properties.Text("minimumTlsVersion"));
        Assert.True(account.Properties.Flag("supportsHttpsTrafficOnly"));
        Assert.True(account.Properties.Flag("defaultToOAuthAuthentication"));
    }

    [Fact]
    public void Containers_AreTheArchitectureOnesPlusTheDeploymentContainer_AllPrivate()
    {
        var containers = Template.Single("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal("None", containers.Properties.Text("publicAccess"));
        Assert.Equal(
            ["exports", "curated", "rejects", "scores", "app-package"],
            LoopItems(containers));
    }

    [Fact]
    public void Queues_AreIngestAndRecomputeWithTheirPoisonQueues()
    {
        var queues = Template.Single("Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.Equal(["ingest", "recompute", "ingest-poison", "recompute-poison"], LoopItems(queues));
    }

    [Fact]
    public void Tables_AreTheLedgerSnapshotsDatasetsAndKeys()
    {
        var tables = Template.Single("Microsoft.Storage/storageAccounts/tableServices/tables");

        Assert.Equal(["ingestions", "snapshots", "datasets", "keys"], LoopItems(tables));
    }

    /// <summary>The names a copy loop runs over: Bicep compiles `for x in names` to variables('names')[copyIndex()].</summary>
    private List<string> LoopItems(ArmResource looped)
    {
        var variable = Regex.Match(looped.Name, @"variables\('(?<name>\w+)'\)\[copyIndex\(\)\]");
        Assert.True(variable.Success, $"{looped} is not named from a loop over a variable.");
        var items = Template.ModuleTemplate("storage").At($"variables.{variable.Groups["name"].Value}") as JsonArray ?? [];
        return items.Select(item => Template.ResolveInModule("storage", item)?.GetValue<string>() ?? "").ToList();
    }
}
