using Centric.Testing;

namespace Centric.LocalHost.Tests.Support;

/// <summary>Starts a <see cref="LocalFunctionsHost"/> on a free port against Azurite and a stand-in handler.</summary>
public static class HostRunner
{
    public static async Task<LocalFunctionsHost> StartAsync(ScriptRootBuilder root, AzuriteFixture azurite, RecordingHandler handler)
    {
        var host = new LocalFunctionsHost(new LocalHostOptions
        {
            ScriptRoot = root.Path,
            StorageConnectionString = azurite.ConnectionString,
            HttpPort = 0,
            HandlerUrl = handler.Url,
            Environment = static _ => null,
        });
        await host.StartAsync();
        return host;
    }
}
