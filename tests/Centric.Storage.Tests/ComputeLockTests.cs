using Centric.Storage.Connection;
using Centric.Storage.Datasets;
using Centric.Testing;

namespace Centric.Storage.Tests;

/// <summary>The per-dataset compute lease on a real Azurite.</summary>
public sealed class ComputeLockTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly StorageClients _clients = StorageClients.FromConnectionString(azurite.ConnectionString, StorageTestNames.Unique());

    public Task InitializeAsync() => _clients.EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OneHolderPerDataset_OthersAreRefused_UntilItIsReleased()
    {
        var locks = new ComputeLocks(_clients, TimeProvider.System);
        var first = await locks.TryAcquireAsync("shop");
        Assert.NotNull(first);

        // A second compute of the same dataset, from this or another instance, is refused; another dataset is not.
        Assert.Null(await new ComputeLocks(_clients, TimeProvider.System).TryAcquireAsync("shop"));
        await using (var other = await locks.TryAcquireAsync("other-shop"))
        {
            Assert.NotNull(other);
        }

        await first.DisposeAsync();
        await using var again = await locks.TryAcquireAsync("shop");
        Assert.NotNull(again);
        Assert.Null(await locks.TryAcquireAsync("shop"));
    }
}
