namespace Centric.Infra.Tests.Bicep;

/// <summary>No storage key or connection string is read, written to app settings or returned as an output.</summary>
public sealed class NoSecretsTests(CompiledTemplateFixture fixture) : IClassFixture<CompiledTemplateFixture>
{
    private ArmTemplate Template => fixture.Template;

    [Theory]
    [InlineData("listKeys")]
    [InlineData("listAccountSas")]
    [InlineData("listServiceSas")]
    [InlineData("AccountKey=")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("SharedAccessSignature")]
    public void Template_NeverReadsOrWritesStorageKeys(string marker)
    {
        Assert.DoesNotContain(marker, Template.Root.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AppSettings_HoldNoConnectionStringButApplicationInsights()
    {
        var settings = Template.Single("Microsoft.Web/sites").AppSettings();

        // APPLICATIONINSIGHTS_CONNECTION_STRING names the component's endpoint; with local auth off it grants nothing
        // without APPLICATIONINSIGHTS_AUTHENTICATION_STRING's identity.
        var withConnectionStrings = settings
            .Where(setting => setting.Key.Contains("connectionString", StringComparison.OrdinalIgnoreCase)
                || setting.Value.Contains("connectionString", StringComparison.OrdinalIgnoreCase))
            .Select(setting => setting.Key);
        Assert.Equal(["APPLICATIONINSIGHTS_CONNECTION_STRING"], withConnectionStrings);
        Assert.Contains("Microsoft.Insights/components", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.DoesNotContain(settings, setting => setting.Value.Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal)
            && setting.Value.Contains("reference(", StringComparison.Ordinal));
    }

    [Fact]
    public void Outputs_HoldNoConnectionStringsKeysOrSecureValues()
    {
        var outputs = Template.AllOutputs().SelectMany(set => set).ToList();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, output =>
        {
            var text = output.Value?.ToJsonString() ?? "";
            Assert.DoesNotContain("connectionString", output.Key, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("connectionString", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("instrumentationKey", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("list", output.Value.Text("value") ?? "", StringComparison.Ordinal);
            Assert.NotEqual("securestring", output.Value.Text("type"), StringComparer.OrdinalIgnoreCase);
        });
    }
}
