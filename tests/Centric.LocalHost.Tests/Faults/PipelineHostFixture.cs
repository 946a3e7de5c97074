namespace Centric.LocalHost.Tests.Faults;

/// <summary>One local host, as a developer runs it, for the storage-freeze and racing-recompute tests.</summary>
public sealed class PipelineHostFixture : IAsyncLifetime
{
    private FaultHost? _host;

    internal FaultHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await FaultHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
