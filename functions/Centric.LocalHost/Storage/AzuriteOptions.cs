namespace Centric.LocalHost.Storage;

/// <summary>
/// Where the local host runs the Azurite it starts when no storage is configured: ports 10000-10002 and
/// <c>.azurite/</c> in the repository by default. <see cref="OnFreePorts"/> lets the host choose ports nobody listens
/// on (tests and benches, which run beside other servers).
/// </summary>
public sealed record AzuriteOptions(
    int BlobPort = DevelopmentStorage.BlobPort,
    int QueuePort = DevelopmentStorage.QueuePort,
    int TablePort = DevelopmentStorage.TablePort,
    string? DataDirectory = null)
{
    /// <summary>Azurite on loopback ports the host chooses when it starts, with its data in <paramref name="dataDirectory"/>.</summary>
    public static AzuriteOptions OnFreePorts(string? dataDirectory = null) => new(0, 0, 0, dataDirectory);

    /// <summary>Whether the host chooses the ports (all three are 0).</summary>
    public bool ChoosesPorts => BlobPort == 0 && QueuePort == 0 && TablePort == 0;

    public bool IsDefault => BlobPort == DevelopmentStorage.BlobPort && QueuePort == DevelopmentStorage.QueuePort && TablePort == DevelopmentStorage.TablePort;
}
