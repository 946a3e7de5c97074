namespace Centric.LocalHost.Storage;

/// <summary>
/// Where the local host runs the Azurite it starts when no storage is configured: ports 10000-10002 and
/// <c>.azurite/</c> in the repository by default (tests pick free ports and a folder of their own).
/// </summary>
public sealed record AzuriteOptions(
    int BlobPort = DevelopmentStorage.BlobPort,
    int QueuePort = DevelopmentStorage.QueuePort,
    int TablePort = DevelopmentStorage.TablePort,
    string? DataDirectory = null)
{
    public bool IsDefault => BlobPort == DevelopmentStorage.BlobPort && QueuePort == DevelopmentStorage.QueuePort && TablePort == DevelopmentStorage.TablePort;
}
