using Azure;
using Azure.Storage.Blobs;
using Centric.Storage.Connection;

namespace Centric.Storage.Rejects;

/// <summary>Rejected rows per ingestion, as CSV (line, column, value, reason): <c>rejects/{dataset}/{ingestionId}.csv</c>.</summary>
public sealed class RejectsStore(StorageClients clients)
{
    private readonly BlobContainerClient _container = clients.Blobs.GetBlobContainerClient(clients.Names.Rejects);

    public static string BlobName(string dataset, string ingestionId) => $"{dataset}/{ingestionId}.csv";

    public async Task UploadAsync(string dataset, string ingestionId, string localPath, CancellationToken cancellationToken = default)
    {
        await _container.GetBlobClient(BlobName(dataset, ingestionId)).UploadAsync(localPath, overwrite: true, cancellationToken);
    }

    /// <summary>The rejects CSV as a stream, or null when the ingestion rejected nothing.</summary>
    public async Task<Stream?> OpenAsync(string dataset, string ingestionId, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _container.GetBlobClient(BlobName(dataset, ingestionId)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return response.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
