using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Centric.Storage.Connection;

namespace Centric.Storage.Curated;

/// <summary>Typed Parquet per ingestion: <c>curated/{dataset}/{kind}/{ingestionId}.parquet</c>.</summary>
public sealed class CuratedStore(StorageClients clients)
{
    private readonly BlobContainerClient _container = clients.Blobs.GetBlobContainerClient(clients.Names.Curated);

    public static string BlobName(string dataset, string kind, string ingestionId) => $"{dataset}/{kind}/{ingestionId}.parquet";

    public async Task UploadAsync(string dataset, string kind, string ingestionId, string localPath, CancellationToken cancellationToken = default)
    {
        await _container.GetBlobClient(BlobName(dataset, kind, ingestionId)).UploadAsync(localPath, overwrite: true, cancellationToken);
    }

    public async Task DeleteAsync(string dataset, string kind, string ingestionId, CancellationToken cancellationToken = default)
    {
        await _container.GetBlobClient(BlobName(dataset, kind, ingestionId)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Copies the dataset's curated files to <c>{folder}/{kind}/{ingestionId}.parquet</c> and returns the ingestion
    /// ids found (the generation's lineage).
    /// </summary>
    public async Task<IReadOnlyList<string>> DownloadDatasetAsync(string dataset, string folder, CancellationToken cancellationToken = default)
    {
        var ingestions = new List<string>();
        await foreach (var item in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, dataset + "/", cancellationToken))
        {
            var parts = item.Name.Split('/');
            if (parts.Length != 3 || !parts[2].EndsWith(".parquet", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, parts[1])).FullName, parts[2]);
            await _container.GetBlobClient(item.Name).DownloadToAsync(target, cancellationToken);
            ingestions.Add(Path.GetFileNameWithoutExtension(parts[2]));
        }

        ingestions.Sort(StringComparer.Ordinal);
        return ingestions;
    }
}
