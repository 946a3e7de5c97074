using Azure.Storage.Blobs;
using Centric.LocalHost.Configuration;
using Centric.LocalHost.Storage;
using Centric.LocalHost.Tests.Support;
using Centric.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Centric.LocalHost.Tests.Storage;

/// <summary>
/// Starting Azurite where another process has taken a port: the error says which port and quotes Azurite's own reason,
/// and the start on free ports chooses again instead of failing, as the tests and benches that run beside other
/// servers need.
/// </summary>
public sealed class AzuriteStartTests
{
    [Fact]
    public async Task Start_OnATakenPort_FailsQuotingAzuritesReason()
    {
        using var taken = new TakenPort();
        var free = AzuriteProcess.FreePorts(2);

        var e = await Assert.ThrowsAsync<AzuriteExitedException>(
            () => AzuriteProcess.StartAsync(RepositoryRoot.Find(), taken.Port, free[0], free[1]));

        Assert.True(e.AddressInUse);
        Assert.Contains($"before listening on {taken.Port}/{free[0]}/{free[1]}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"EADDRINUSE: address already in use 127.0.0.1:{taken.Port}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartOnFreePorts_WhenThePortsChosenAreTakenBeforeAzuriteBindsThem_ChoosesAgain()
    {
        using var taken = new TakenPort();
        var choices = 0;
        int[] Choose()
        {
            choices++;
            var free = AzuriteProcess.FreePorts(3);
            return choices == 1 ? [free[0], taken.Port, free[2]] : free;
        }

        await using var azurite = await AzuriteProcess.StartOnFreePortsAsync(RepositoryRoot.Find(), null, Choose, CancellationToken.None);

        Assert.Equal(2, choices);
        Assert.NotEqual(taken.Port, azurite.QueuePort);
        var container = new BlobContainerClient(azurite.ConnectionString, "started");
        await container.CreateAsync();
        Assert.True((await container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task StartOnFreePorts_GivesUpAfterThreeChoices_WithAzuritesReason()
    {
        using var taken = new TakenPort();
        var choices = 0;
        int[] Choose()
        {
            choices++;
            var free = AzuriteProcess.FreePorts(2);
            return [taken.Port, free[0], free[1]];
        }

        var e = await Assert.ThrowsAsync<AzuriteExitedException>(
            () => AzuriteProcess.StartOnFreePortsAsync(RepositoryRoot.Find(), null, Choose, CancellationToken.None));

        Assert.Equal(3, choices);
        Assert.Contains("EADDRINUSE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevelopmentStorage_WhereSomethingHoldsOneOfTheThreePorts_NamesThePortsItWasGiven()
    {
        using var taken = new TakenPort();
        var free = AzuriteProcess.FreePorts(2);

        var e = await Assert.ThrowsAsync<LocalHostConfigurationException>(() => DevelopmentStorage.ResolveAsync(
            null, RepositoryRoot.Find(), new AzuriteOptions(free[0], taken.Port, free[1]), NullLogger.Instance));

        Assert.Contains($"some but not all of the ports {free[0]}, {taken.Port} and {free[1]}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("10000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevelopmentStorage_OnFreePorts_StartsAzuriteAndAnswersWithItsConnectionString()
    {
        var data = Directory.CreateTempSubdirectory("centric-azurite-");
        try
        {
            var (connectionString, started) = await DevelopmentStorage.ResolveAsync(
                null, RepositoryRoot.Find(), AzuriteOptions.OnFreePorts(data.FullName), NullLogger.Instance);
            await using (started)
            {
                Assert.NotNull(started);
                Assert.Equal(AzuriteProcess.ConnectionStringFor(started.BlobPort, started.QueuePort, started.TablePort), connectionString);
                Assert.All(new[] { started.BlobPort, started.QueuePort, started.TablePort }, port => Assert.NotEqual(0, port));
                var container = new BlobContainerClient(connectionString, "resolved");
                await container.CreateAsync();
                Assert.True((await container.ExistsAsync()).Value);
            }
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
