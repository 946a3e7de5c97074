using System.Text.Json.Nodes;

namespace Centric.Infra.Tests.Bicep;

/// <summary>The function app: Flex Consumption, the custom handler's stack, identity-based connections.</summary>
public sealed class FunctionAppTemplateTests(CompiledTemplateFixture fixture) : IClassFixture<CompiledTemplateFixture>
{
    private ArmTemplate Template => fixture.Template;

    private ArmResource Site => Template.Single("Microsoft.Web/sites");

    [Fact]
    public void Plan_IsFlexConsumptionFc1OnLinux()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Json.Text("sku.name"));
        Assert.Equal("FlexConsumption", plan.Json.Text("sku.tier"));
        Assert.True(plan.Properties.Flag("reserved"));
        Assert.Equal("functionapp,linux", Site.Json.Text("kind"));
    }

    [Fact]
    public void Runtime_IsDotnetIsolated10_MatchingHostJsonsDotnetLaunch()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsProject, "host.json")));

        Assert.Equal("dotnet-isolated", Site.Properties.Text("functionAppConfig.runtime.name"));
        Assert.Equal("10.0", Site.Properties.Text("functionAppConfig.runtime.version"));
        Assert.Equal("dotnet", hostJson.Text("customHandler.description.defaultExecutablePath"));
        Assert.Equal("Centric.Functions.dll", hostJson.At("customHandler.description.arguments")?[0]?.GetValue<string>());
    }

    [Fact]
    public void Scale_TakesInstanceCountAndMemoryFromParametersWithFlexLimits()
    {
        Assert.Equal("[parameters('maximumInstanceCount')]", Site.Properties.Text("functionAppConfig.scaleAndConcurrency.maximumInstanceCount"));
        Assert.Equal("[parameters('instanceMemoryMB')]", Site.Properties.Text("functionAppConfig.scaleAndConcurrency.instanceMemoryMB"));

        foreach (var parameters in new[] { Template.Root["parameters"], Template.ModuleTemplate("function-app")["parameters"] })
        {
            Assert.Equal([512, 2048, 4096], (parameters.At("instanceMemoryMB.allowedValues") as JsonArray ?? []).Select(value => value!.GetValue<int>()));
            Assert.Equal(40, parameters.At("maximumInstanceCount.minValue")?.GetValue<int>());
            Assert.Equal(1000, parameters.At("maximumInstanceCount.maxValue")?.GetValue<int>());
        }
    }

    [Fact]
    public void DeploymentPackage_ComesFromABlobContainerWithTheUserAssignedIdentity()
    {
        var storage = Site.Properties.At("functionAppConfig.deployment.storage");

        Assert.Equal("blobContainer", storage.Text("type"));
        Assert.Equal("UserAssignedIdentity", storage.Text("authentication.type"));
        Assert.Equal("[parameters('identityId')]", storage.Text("authentication.userAssignedIdentityResourceId"));
        Assert.Null(storage.Text("authentication.storageAccountConnectionStringName"));
        Assert.Equal("app-package", Template.ResolveInModule("function-app", JsonValue.Create("[parameters('deploymentContainerName')]"))?.GetValue<string>());
    }

    [Fact]
    public void HostStorage_IsIdentityBased()
    {
        var settings = Site.AppSettings();

        Assert.Equal("[parameters('storageAccountName')]", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AZURE_CLIENT_ID"]);
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "A plain AzureWebJobsStorage setting would be a connection string.");
        Assert.Equal("UserAssigned", Site.Json.Text("identity.type"));
    }

    [Fact]
    public void UploadLimit_IsTheAppSettingTheHandlerReads_At100MB()
    {
        Assert.Equal("104857600", Site.AppSettings()["maxUploadBytes"]);
    }

    [Fact]
    public void DuckDbInstanceMemory_IsTheFlexInstanceMemoryParameter()
    {
        // The setting the engine reads as DuckDb:InstanceMemoryMb, taken from the same parameter as the plan's memory.
        Assert.Equal("[string(parameters('instanceMemoryMB'))]", Site.AppSettings()["DuckDb__InstanceMemoryMb"]);
        Assert.Equal("[parameters('instanceMemoryMB')]", Site.Properties.Text("functionAppConfig.scaleAndConcurrency.instanceMemoryMB"));
    }

    [Fact]
    public void Timers_GetTheirSchedulesFromAppSettings()
    {
        var settings = Site.AppSettings();

        Assert.Equal("0 */5 * * * *", settings["ScanExportsSchedule"]);
        Assert.Equal("0 0 2 * * *", settings["NightlyRecomputeSchedule"]);
        foreach (var function in new[] { "ScanExports", "NightlyRecompute" })
        {
            var binding = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsProject, function, "function.json")))?["bindings"]?[0];
            Assert.Equal($"%{function}Schedule%", binding.Text("schedule"));
        }
    }

    [Fact]
    public void Flex_GetsNoSettingsItRejects()
    {
        // Flex Consumption takes the stack from functionAppConfig; these settings make the deployment fail.
        var settings = Site.AppSettings();

        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", settings.Keys);
        Assert.DoesNotContain("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", settings.Keys);
    }

    [Fact]
    public void Site_IsHttpsOnlyWithTls12AndNoFtp()
    {
        Assert.True(Site.Properties.Flag("httpsOnly"));
        Assert.Equal("1.2", Site.Properties.Text("siteConfig.minTlsVersion"));
        Assert.Equal("Disabled", Site.Properties.Text("siteConfig.ftpsState"));
    }

    [Fact]
    public void Site_IsTaggedForAzdServiceApi()
    {
        Assert.Contains("createObject('azd-service-name', 'api')", Site.Json.Text("tags"), StringComparison.Ordinal);
    }
}
