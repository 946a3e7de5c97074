namespace Centric.Infra.Tests.Bicep;

/// <summary>Telemetry is accepted only from Microsoft Entra identities.</summary>
public sealed class MonitoringTemplateTests(CompiledTemplateFixture fixture) : IClassFixture<CompiledTemplateFixture>
{
    private ArmTemplate Template => fixture.Template;

    [Fact]
    public void ApplicationInsights_DisablesLocalAuth_AndUsesTheWorkspace()
    {
        var component = Template.Single("Microsoft.Insights/components");

        Assert.True(component.Properties.Flag("DisableLocalAuth"));
        Assert.Equal("[resourceId('Microsoft.OperationalInsights/workspaces', parameters('logAnalyticsName'))]", component.Properties.Text("WorkspaceResourceId"));
    }

    [Fact]
    public void LogAnalytics_DisablesLocalAuth()
    {
        var workspace = Template.Single("Microsoft.OperationalInsights/workspaces");

        Assert.True(workspace.Properties.Flag("features.disableLocalAuth"));
    }

    [Fact]
    public void App_AuthenticatesTelemetryWithItsIdentity()
    {
        var settings = Template.Single("Microsoft.Web/sites").AppSettings();

        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Contains(
            "resourceId('Microsoft.Insights/components', parameters('applicationInsightsName'))",
            settings["APPLICATIONINSIGHTS_CONNECTION_STRING"],
            StringComparison.Ordinal);
    }
}
