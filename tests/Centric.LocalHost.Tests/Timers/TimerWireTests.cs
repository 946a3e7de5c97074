using System.Text.Json;
using Centric.LocalHost.Tests.Support;
using Centric.Testing;

namespace Centric.LocalHost.Tests.Timers;

public class TimerWireTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RunOnStartup_FiresOnceWithTheTimerInfoObject_AndTheScheduleComesFromSettings()
    {
        using var root = new ScriptRootBuilder().Timer("ScanExports", "%ScanExportsSchedule%", runOnStartup: true);
        await using var handler = await RecordingHandler.StartAsync();
        await using var host = new LocalFunctionsHost(new LocalHostOptions
        {
            ScriptRoot = root.Path,
            StorageConnectionString = azurite.ConnectionString,
            HttpPort = 0,
            HandlerUrl = handler.Url,
            Settings = new Dictionary<string, string> { ["ScanExportsSchedule"] = "0 0 0 1 1 *" },
            Environment = static _ => null,
        });
        await host.StartAsync();

        var request = (await handler.WaitForAsync("/ScanExports"))[0];
        await Task.Delay(500);

        Assert.Single(handler.Requests);
        Assert.Equal("0 0 0 1 1 *", host.Functions.TimerFunctions[0].Schedule.Expression);
        using var body = JsonDocument.Parse(request.Body);
        var timer = body.RootElement.GetProperty("Data").GetProperty("timer");
        Assert.Equal(JsonValueKind.Object, timer.ValueKind);
        Assert.Equal(["IsPastDue", "Schedule", "ScheduleStatus"], timer.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(timer.GetProperty("Schedule").GetProperty("AdjustForDST").GetBoolean());
        Assert.False(timer.GetProperty("IsPastDue").GetBoolean());
        var status = timer.GetProperty("ScheduleStatus");
        var next = status.GetProperty("Next").GetDateTime();
        Assert.Equal(new DateTime(DateTime.UtcNow.Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc), next);
        Assert.True(status.GetProperty("LastUpdated").TryGetDateTime(out _));
        Assert.True(status.GetProperty("Last").TryGetDateTime(out _));

        var metadata = body.RootElement.GetProperty("Metadata");
        Assert.Equal(["sys"], metadata.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ScanExports", metadata.GetProperty("sys").GetProperty("MethodName").GetString());
    }
}
