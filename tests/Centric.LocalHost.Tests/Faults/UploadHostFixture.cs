namespace Centric.LocalHost.Tests.Faults;

/// <summary>One local host for the upload fault tests, with a small upload limit so "over the limit" is cheap to send.</summary>
public sealed class UploadHostFixture : IAsyncLifetime
{
    public const long Limit = 256 * 1024;

    private FaultHost? _host;

    internal FaultHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await FaultHost.StartAsync(Limit);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
