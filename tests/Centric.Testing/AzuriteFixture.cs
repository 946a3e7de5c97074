using Centric.LocalHost.Storage;
using Xunit;

namespace Centric.Testing;

/// <summary>
/// One real Azurite per test assembly, in memory, on free ports. Tests own uniquely named
/// containers, queues and tables (<see cref="UniqueName"/>), so they never see each other's data.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString =>
        _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartOnFreePortsAsync(RepositoryRoot.Find());
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>A name valid for a container, queue or table: lower-case letters and digits, 3-63 chars.</summary>
    public static string UniqueName(string prefix) =>
        (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(prefix.Length + 32, 40)].ToLowerInvariant();
}
