using System.Text.Json;
using Centric.LocalHost.Configuration;
using Centric.LocalHost.Invocation;
using Centric.LocalHost.Tests.Support;
using Centric.LocalHost.Timers;
using Microsoft.Extensions.Time.Testing;

namespace Centric.LocalHost.Tests.Timers;

public class TimerTriggerTests
{
    private static readonly CronSchedule EveryThirtySeconds = CronSchedule.Parse("*/30 * * * * *");

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-24T10:00:30Z", false)]
    [InlineData("2026-11-24T10:00:59Z", false)]
    [InlineData("2026-11-24T10:01:00Z", true)]
    [InlineData("2026-11-24T10:05:00Z", true)]
    public void IsPastDue_OnlyWhenTheFollowingOccurrenceWasAlsoMissed(string now, bool expected)
    {
        Assert.Equal(expected, TimerTrigger.IsPastDue(EveryThirtySeconds, At("2026-11-24T10:00:30Z"), At(now)));
    }

    [Fact]
    public async Task Run_RunOnStartupThenSchedule_FiresOnceAtStartThenOnTimeThenPastDueAfterASleep()
    {
        await using var handler = await RecordingHandler.StartAsync();
        using var client = new HttpClient { BaseAddress = handler.Url };
        var time = new FakeTimeProvider(At("2026-11-24T10:00:10Z"));
        var log = new RecordingLogger();
        var trigger = new TimerTrigger(
            new TimerFunction("ScanExports", "timer", EveryThirtySeconds, RunOnStartup: true),
            new HandlerInvoker(client),
            TimeSpan.FromSeconds(30),
            time,
            log);
        using var stop = new CancellationTokenSource();
        var running = trigger.RunAsync(stop.Token);

        var startup = Timer((await handler.WaitForAsync("/ScanExports", 1))[0]);
        await log.WaitForAsync("TimerScheduled", 1);
        Assert.Single(handler.Requests);

        time.Advance(TimeSpan.FromSeconds(20));
        var onTime = Timer((await handler.WaitForAsync("/ScanExports", 2))[1]);
        await log.WaitForAsync("TimerScheduled", 2);

        time.Advance(TimeSpan.FromSeconds(70));
        var late = Timer((await handler.WaitForAsync("/ScanExports", 3))[2]);

        await StopAsync(stop, running);

        Assert.False(startup.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal("0001-01-01T00:00:00", startup.GetProperty("ScheduleStatus").GetProperty("Last").GetString());
        Assert.Equal("2026-11-24T10:00:30Z", startup.GetProperty("ScheduleStatus").GetProperty("Next").GetString());

        Assert.False(onTime.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal("2026-11-24T10:00:10Z", onTime.GetProperty("ScheduleStatus").GetProperty("Last").GetString());
        Assert.Equal("2026-11-24T10:00:30Z", onTime.GetProperty("ScheduleStatus").GetProperty("LastUpdated").GetString());
        Assert.Equal("2026-11-24T10:01:00Z", onTime.GetProperty("ScheduleStatus").GetProperty("Next").GetString());

        Assert.True(late.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal("2026-11-24T10:01:40Z", late.GetProperty("ScheduleStatus").GetProperty("LastUpdated").GetString());
        Assert.Equal("2026-11-24T10:02:00Z", late.GetProperty("ScheduleStatus").GetProperty("Next").GetString());
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Run_WithoutRunOnStartup_WaitsForTheSchedule()
    {
        await using var handler = await RecordingHandler.StartAsync();
        using var client = new HttpClient { BaseAddress = handler.Url };
        var time = new FakeTimeProvider(At("2026-11-24T01:59:00Z"));
        var log = new RecordingLogger();
        var trigger = new TimerTrigger(
            new TimerFunction("NightlyRecompute", "timer", CronSchedule.Parse("0 0 2 * * *"), RunOnStartup: false),
            new HandlerInvoker(client),
            TimeSpan.FromSeconds(30),
            time,
            log);
        using var stop = new CancellationTokenSource();
        var running = trigger.RunAsync(stop.Token);

        await log.WaitForAsync("TimerScheduled", 1);
        Assert.Empty(handler.Requests);
        time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(300);
        Assert.Empty(handler.Requests);
        time.Advance(TimeSpan.FromSeconds(1));
        var fired = Timer((await handler.WaitForAsync("/NightlyRecompute"))[0]);

        await StopAsync(stop, running);
        Assert.False(fired.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal("2026-11-25T02:00:00Z", fired.GetProperty("ScheduleStatus").GetProperty("Next").GetString());
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task running)
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static JsonElement Timer(RecordedRequest request) =>
        JsonDocument.Parse(request.Body).RootElement.GetProperty("Data").GetProperty("timer").Clone();
}
