using Azure.Storage.Blobs;
using Centric.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// A test class on the in-process handler with storage names of its own: a client, the exports container, and the
/// pipeline driven as the host would (a scan tick, then every queued message until the queues are empty).
/// </summary>
[Collection(SharedAzurite.Name)]
public abstract class HandlerTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected HandlerFactory Factory { get; } = new(azurite);

    protected HttpClient Client { get; private set; } = null!;

    protected BlobContainerClient Exports => Factory.Clients.Blobs.GetBlobContainerClient(Factory.Names.Exports);

    public virtual async Task InitializeAsync()
    {
        Client = Factory.CreateClient();

        // A compute invocation answers when the compute is done: on a busy machine that can pass HttpClient's 100 s.
        Client.Timeout = TimeSpan.FromMinutes(10);
        await Factory.Clients.EnsureCreatedAsync();
    }

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();

    protected async Task DropAsync(string blob, string content) => await Exports.UploadBlobAsync(blob, BinaryData.FromString(content));

    /// <summary>
    /// Ticks ScanExports, then delivers every queued message; returns each invocation's function and status, the scan
    /// first.
    /// </summary>
    protected async Task<IReadOnlyList<(string Function, int Status)>> RunPipelineAsync()
    {
        var (scan, _) = await Invocation.PostAsync(Client, "ScanExports", Invocation.Timer("ScanExports"));
        return [("ScanExports", (int)scan.StatusCode), .. await QueueDriver.DrainAsync(Client, Factory.Clients)];
    }
}
