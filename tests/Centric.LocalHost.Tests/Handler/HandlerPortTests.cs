using Centric.LocalHost.Configuration;
using Centric.LocalHost.Handler;
using Centric.LocalHost.Storage;
using Centric.LocalHost.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Centric.LocalHost.Tests.Handler;

/// <summary>
/// A handler (a small Node.js server, as real handlers bind with listen) whose free port another process took first:
/// the error says the port was taken, and the supervisor chooses another port for its first start instead of failing.
/// </summary>
public sealed class HandlerPortTests
{
    private static readonly CustomHandlerDescription NodeHandler = new(
        "node",
        ["-e", "require('http').createServer((q, s) => s.end('ready')).listen(Number(process.env.FUNCTIONS_CUSTOMHANDLER_PORT), '127.0.0.1')"],
        string.Empty,
        true);

    [Fact]
    public async Task Start_OnATakenPort_SaysThePortWasTaken()
    {
        using var taken = new TakenPort();

        var error = await Assert.ThrowsAsync<LocalHostConfigurationException>(() => HandlerProcess.StartAsync(
            Path.GetTempPath(), NodeHandler, new Dictionary<string, string>(), taken.Port, TimeSpan.FromSeconds(20), NullLogger.Instance));

        Assert.True(error.PortTaken);
        Assert.Contains($"before answering GET / on port {taken.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("EADDRINUSE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AHandlerThatFailsForAnotherReason_IsNotTakenForAPortProblem()
    {
        var failing = new CustomHandlerDescription("sh", ["-c", "echo 'settings are missing' >&2; exit 2"], string.Empty, true);

        var error = await Assert.ThrowsAsync<LocalHostConfigurationException>(() => HandlerProcess.StartAsync(
            Path.GetTempPath(), failing, new Dictionary<string, string>(), AzuriteProcess.FreePort(), TimeSpan.FromSeconds(10), NullLogger.Instance));

        Assert.False(error.PortTaken);
    }

    [Fact]
    public async Task Supervisor_WhenTheChosenPortIsTakenBeforeTheHandlerBindsIt_ChoosesAnother()
    {
        using var taken = new TakenPort();
        var chosen = new List<int>();
        int Choose()
        {
            var port = chosen.Count == 0 ? taken.Port : AzuriteProcess.FreePort();
            chosen.Add(port);
            return port;
        }

        await using var supervisor = await HandlerSupervisor.StartAsync(
            Path.GetTempPath(), NodeHandler, new Dictionary<string, string>(), Choose, TimeSpan.FromSeconds(20), NullLogger.Instance, TimeProvider.System);

        Assert.Equal(2, chosen.Count);
        Assert.Equal(chosen[1], supervisor.BaseAddress.Port);
        using var client = new HttpClient { BaseAddress = supervisor.BaseAddress };
        Assert.Equal("ready", await client.GetStringAsync(new Uri("/", UriKind.Relative)));
    }
}
