using Centric.LocalHost.Configuration;
using Centric.LocalHost.Tests.Support;
using Centric.Testing;

namespace Centric.LocalHost.Tests.Configuration;

public class FunctionAppTests
{
    private static readonly string FunctionsFolder = Path.Combine(RepositoryRoot.Find(), "functions", "Centric.Functions");

    private static SettingResolver SampleSettings() =>
        new(LocalSettings.Load(Path.Combine(RepositoryRoot.Find(), LocalSettings.SampleFileName)).Values, static _ => null);

    [Fact]
    public void Load_AppSettingsNamedAfterHostJsonPaths_OverrideFunctionTimeoutAndMaxDequeueCount_AsInAzure()
    {
        using var root = new ScriptRootBuilder();
        var settings = new SettingResolver(
            new Dictionary<string, string>
            {
                ["AzureFunctionsJobHost__functionTimeout"] = "00:00:00.3",
                ["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = "2",
            },
            static _ => null);

        var host = FunctionApp.Load(root.Path, settings).Host;
        var plain = FunctionApp.Load(root.Path, new SettingResolver(new Dictionary<string, string>(), static _ => null)).Host;

        Assert.Equal((TimeSpan.FromMilliseconds(300), 2), (host.FunctionTimeout, host.Queues.MaxDequeueCount));
        Assert.Equal((TimeSpan.FromSeconds(30), 5), (plain.FunctionTimeout, plain.Queues.MaxDequeueCount));
    }

    [Theory]
    [InlineData("AzureFunctionsJobHost__functionTimeout", "ten minutes", "is not a time span like 00:10:00")]
    [InlineData("AzureFunctionsJobHost__extensions__queues__maxDequeueCount", "0", "is not a positive whole number")]
    public void Load_AnOverrideThatCannotBeRead_FailsNamingTheSettingAndValue(string name, string value, string reason)
    {
        using var root = new ScriptRootBuilder();
        var settings = new SettingResolver(new Dictionary<string, string> { [name] = value }, static _ => null);

        var error = Assert.Throws<LocalHostConfigurationException>(() => FunctionApp.Load(root.Path, settings));

        Assert.Equal($"The setting {name} '{value}' {reason}.", error.Message);
    }

    [Fact]
    public void Load_TheFunctionApp_ReadsEveryFunctionAndTheHostSettings()
    {
        var app = FunctionApp.Load(FunctionsFolder, SampleSettings());

        Assert.Equal(["Dashboard", "DatasetApi", "Datasets", "Health", "MetricCatalog", "ODataFeed", "OpenApi"], app.HttpFunctions.Select(f => f.Name));
        Assert.Equal(["ComputeMetrics:recompute", "IngestExport:ingest"], app.QueueFunctions.Select(f => $"{f.Name}:{f.QueueName}"));
        Assert.Equal("ingest-poison", app.QueueFunctions[1].PoisonQueueName);
        var scan = Assert.Single(app.TimerFunctions, f => f.Name == "ScanExports");
        Assert.Equal("*/30 * * * * *", scan.Schedule.Expression);
        Assert.True(scan.RunOnStartup);
        Assert.False(Assert.Single(app.TimerFunctions, f => f.Name == "NightlyRecompute").RunOnStartup);
        Assert.Equal("datasets/{dataset}/{*path}", app.HttpFunctions.Single(f => f.Name == "DatasetApi").Route);
        Assert.Equal(["GET", "POST"], app.HttpFunctions.Single(f => f.Name == "DatasetApi").Methods);
        Assert.Equal("api", app.Host.RoutePrefix);
        Assert.Equal(TimeSpan.FromMinutes(10), app.Host.FunctionTimeout);
        Assert.Equal(new QueueTriggerOptions(1, 0, 5, TimeSpan.Zero, TimeSpan.FromSeconds(2), Base64Encoding: true), app.Host.Queues);
        Assert.Equal("dotnet", app.Host.CustomHandler.ExecutablePath);
        Assert.Equal(string.Empty, app.Host.CustomHandler.WorkingDirectory);
        Assert.True(app.Host.CustomHandler.EnableProxyingHttpRequest);
        Assert.Equal(["Centric.Functions.dll"], app.Host.CustomHandler.Arguments);
    }

    [Fact]
    public void Load_WithoutTheScheduleSetting_SaysWhichSettingAndWhereToPutIt()
    {
        var settings = new SettingResolver(new Dictionary<string, string> { ["NightlyRecomputeSchedule"] = "0 0 2 * * *" }, static _ => null);

        var error = Assert.Throws<LocalHostConfigurationException>(() => FunctionApp.Load(FunctionsFolder, settings));

        Assert.Contains("'ScanExports'", error.Message, StringComparison.Ordinal);
        Assert.Contains("%ScanExportsSchedule%", error.Message, StringComparison.Ordinal);
        Assert.Contains("local.settings.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnInvalidSchedule_NamesTheFunctionAndTheField()
    {
        using var root = new ScriptRootBuilder().Timer("Broken", "0 0 25 * * *", runOnStartup: false);

        var error = Assert.Throws<LocalHostConfigurationException>(() => FunctionApp.Load(root.Path, new SettingResolver(new Dictionary<string, string>(), static _ => null)));

        Assert.Contains("Function 'Broken'", error.Message, StringComparison.Ordinal);
        Assert.Contains("hour field '25'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HttpFunctionsWithoutProxying_IsAConfigurationError()
    {
        using var root = new ScriptRootBuilder(ScriptRootBuilder.DefaultHostJson.Replace(
            "\"enableProxyingHttpRequest\": true", "\"enableProxyingHttpRequest\": false", StringComparison.Ordinal)).Http("Health", "health", "get");

        var error = Assert.Throws<LocalHostConfigurationException>(() => FunctionApp.Load(root.Path, new SettingResolver(new Dictionary<string, string>(), static _ => null)));

        Assert.Contains("enableProxyingHttpRequest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AFolderWithoutHostJson_SaysWhatToPass()
    {
        // A folder of its own: the temp folder itself may hold anything, a host.json included.
        var folder = Directory.CreateTempSubdirectory("centric-no-host-json-");
        try
        {
            var error = Assert.Throws<LocalHostConfigurationException>(() =>
                FunctionApp.Load(folder.FullName, new SettingResolver(new Dictionary<string, string>(), static _ => null)));

            Assert.Contains("--script-root", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void SettingResolver_EnvironmentWinsOverTheFile()
    {
        var environment = new Dictionary<string, string> { ["ScanExportsSchedule"] = "0 */5 * * * *" };
        var settings = new SettingResolver(
            new Dictionary<string, string> { ["ScanExportsSchedule"] = "*/30 * * * * *", ["Other"] = "x" },
            name => environment.GetValueOrDefault(name));

        Assert.Equal("0 */5 * * * *", settings.Resolve("%ScanExportsSchedule%", "ScanExports"));
        Assert.Equal("a-x-b", settings.Resolve("a-%Other%-b", "F"));
        Assert.Equal("0 */5 * * * *", settings.Effective()["ScanExportsSchedule"]);
    }

    [Fact]
    public void LocalSettings_PreferTheDevelopersFileOverTheCommittedSample()
    {
        var first = Directory.CreateTempSubdirectory("centric-settings-");
        var second = Directory.CreateTempSubdirectory("centric-settings-");
        try
        {
            File.WriteAllText(Path.Combine(first.FullName, LocalSettings.SampleFileName), """{"Values":{"A":"sample"}}""");
            File.WriteAllText(Path.Combine(second.FullName, LocalSettings.FileName), """{"Values":{"A":"mine","N":5},"Host":{"LocalHttpPort":7072}}""");

            var found = LocalSettings.Find([first.FullName, second.FullName]);
            var sampleOnly = LocalSettings.Find([first.FullName]);

            Assert.NotNull(found);
            Assert.False(found.IsSample);
            Assert.Equal("mine", found.Values["A"]);
            Assert.Equal("5", found.Values["N"]);
            Assert.Equal(7072, found.LocalHttpPort);
            Assert.True(sampleOnly!.IsSample);
            Assert.Equal("sample", sampleOnly.Values["A"]);
            Assert.Null(LocalSettings.Find([Path.Combine(first.FullName, "missing")]));
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }
}
