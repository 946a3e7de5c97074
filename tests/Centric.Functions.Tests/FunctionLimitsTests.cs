using Centric.Pipeline;
using Microsoft.Extensions.Configuration;

namespace Centric.Functions.Tests;

/// <summary>The handler reads the host's timeout and delivery count as the host does: app setting over host.json over the defaults.</summary>
public sealed class FunctionLimitsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("centric-limits-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_TheAppsHostJson_GivesItsTimeoutAndDequeueCount_AndADeadlineATenthEarlierAtMostFiveSeconds()
    {
        var limits = FunctionLimits.Load(Settings(), Path.Combine(Centric.Testing.RepositoryRoot.Find(), "functions", "Centric.Functions"));

        Assert.Equal(new FunctionLimits(TimeSpan.FromMinutes(10), 5), limits);
        Assert.Equal(TimeSpan.FromSeconds(595), limits.Deadline);
        Assert.Equal("00:10:00", limits.DescribeTimeout());
    }

    [Fact]
    public void Load_AppSettings_OverrideHostJson_AndASubSecondTimeoutKeepsATenthForRecording()
    {
        File.WriteAllText(
            Path.Combine(folder, "host.json"),
            """{ "functionTimeout": "00:05:00", "extensions": { "queues": { "maxDequeueCount": 3 } } }""");

        var fromFile = FunctionLimits.Load(Settings(), folder);
        var overridden = FunctionLimits.Load(
            Settings(("AzureFunctionsJobHost:functionTimeout", "00:00:00.3"), ("AzureFunctionsJobHost:extensions:queues:maxDequeueCount", "7")),
            folder);

        Assert.Equal(new FunctionLimits(TimeSpan.FromMinutes(5), 3), fromFile);
        Assert.Equal(new FunctionLimits(TimeSpan.FromMilliseconds(300), 7), overridden);
        Assert.Equal(TimeSpan.FromMilliseconds(270), overridden.Deadline);
        Assert.Equal("00:00:00.3", overridden.DescribeTimeout());
    }

    [Fact]
    public void Load_NoHostJsonAndNoSettings_IsTheFlexConsumptionDefault()
    {
        Assert.Equal(new FunctionLimits(TimeSpan.FromMinutes(30), 5), FunctionLimits.Load(Settings(), folder));
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
