using Centric.LocalHost.Configuration;
using Centric.LocalHost.Handler;
using Microsoft.Extensions.Logging.Abstractions;

namespace Centric.LocalHost.Tests.Handler;

public class HandlerProcessTests
{
    [Fact]
    public async Task Start_HandlerThatExitsEarly_ReportsItsExitCodeAndStderr_WithThePortAndSettingsItWasGiven()
    {
        var description = new CustomHandlerDescription(
            "sh",
            ["-c", "echo \"port=$FUNCTIONS_CUSTOMHANDLER_PORT setting=$MySetting\" >&2; exit 3"],
            string.Empty,
            true);

        var error = await Assert.ThrowsAsync<LocalHostConfigurationException>(() => HandlerProcess.StartAsync(
            Path.GetTempPath(),
            description,
            new Dictionary<string, string> { ["MySetting"] = "hello" },
            port: 45123,
            TimeSpan.FromSeconds(10),
            NullLogger.Instance));

        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("port=45123 setting=hello", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_HandlerThatNeverListens_TimesOutWithAClearMessage()
    {
        var description = new CustomHandlerDescription("sleep", ["30"], string.Empty, true);

        var error = await Assert.ThrowsAsync<LocalHostConfigurationException>(() => HandlerProcess.StartAsync(
            Path.GetTempPath(), description, new Dictionary<string, string>(), port: 45124, TimeSpan.FromSeconds(1), NullLogger.Instance));

        Assert.Contains("did not answer GET / on port 45124 within 1 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("FUNCTIONS_CUSTOMHANDLER_PORT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AMissingExecutable_IsAConfigurationError()
    {
        var description = new CustomHandlerDescription("centric-no-such-handler", [], string.Empty, true);

        var error = await Assert.ThrowsAsync<LocalHostConfigurationException>(() => HandlerProcess.StartAsync(
            Path.GetTempPath(), description, new Dictionary<string, string>(), port: 45125, TimeSpan.FromSeconds(1), NullLogger.Instance));

        Assert.Contains("centric-no-such-handler", error.Message, StringComparison.Ordinal);
    }
}
