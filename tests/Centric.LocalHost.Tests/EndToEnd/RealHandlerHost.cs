using Centric.Engine.Samples;
using Centric.Testing;

namespace Centric.LocalHost.Tests.EndToEnd;

/// <summary>
/// The local host as a developer runs it, with the real handler process from this folder's host.json, on the test's
/// Azurite, scanning every 2 seconds so a test waits at most one short period.
/// </summary>
internal static class RealHandlerHost
{
    public static LocalFunctionsHost Create(AzuriteFixture azurite, SampleOptions? sample = null) => new(new LocalHostOptions
    {
        ScriptRoot = AppContext.BaseDirectory,
        StorageConnectionString = azurite.ConnectionString,
        HttpPort = 0,
        Environment = static _ => null,
        Settings = new Dictionary<string, string>
        {
            ["ScanExportsSchedule"] = "*/2 * * * * *",
            ["NightlyRecomputeSchedule"] = "0 0 2 * * *",
        },
        Sample = sample,
    });
}
