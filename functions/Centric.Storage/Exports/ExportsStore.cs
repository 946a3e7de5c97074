using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Centric.Storage.Connection;

namespace Centric.Storage.Exports;

/// <summary>The landing zone: exports dropped by people and tools, plus each dataset's settings and mapping files.</summary>
public sealed class ExportsStore(StorageClients clients)
{
    /// <summary>The block size of streamed uploads: the most an upload holds in memory per concurrent block.</summary>
    public const int UploadBlockBytes = 4 * 1024 * 1024;

    private readonly BlobContainerClient _container = clients.Blobs.GetBlobContainerClient(clients.Names.Exports);

    public string ContainerName => _container.Name;

    public async IAsyncEnumerable<ExportBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken))
        {
            yield return new ExportBlob(item.Name, item.Properties.ETag?.ToString() ?? "", item.Properties.ContentLength ?? 0, item.Properties.LastModified);
        }
    }

    /// <summary>Streams the blob to <paramref name="localPath"/>, hashing it on the way. Null when the blob is gone.</summary>
    public async Task<DownloadedExport?> DownloadAsync(string blobName, string localPath, CancellationToken cancellationToken = default)
    {
        try
        {
            var blob = _container.GetBlobClient(blobName);
            var response = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            using var sha = SHA256.Create();
            await using (var source = response.Value.Content)
            await using (var target = File.Create(localPath))
            await using (var hashing = new CryptoStream(target, sha, CryptoStreamMode.Write))
            {
                await source.CopyToAsync(hashing, cancellationToken);
            }

            var size = new FileInfo(localPath).Length;
            return new DownloadedExport(localPath, Convert.ToHexStringLower(sha.Hash!), response.Value.Details.ETag.ToString(), size, response.Value.Details.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The text of a small blob (settings.json, mapping.json), or null when it does not exist.</summary>
    public async Task<string?> ReadTextAsync(string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes an export, as a person dropping a file would, streaming <paramref name="content"/> (which need not be
    /// seekable) in blocks of <see cref="UploadBlockBytes"/>: memory stays bounded whatever the file's size, and a
    /// stream that fails part-way leaves no blob behind (staged blocks are never committed). A blob that already
    /// exists is never overwritten. Returns the blob name, ETag and size.
    /// </summary>
    public async Task<ExportBlob> UploadAsync(string blobName, Stream content, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(blobName);
        var info = await blob.UploadAsync(
            content,
            new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                TransferOptions = new StorageTransferOptions
                {
                    InitialTransferSize = UploadBlockBytes,
                    MaximumTransferSize = UploadBlockBytes,
                    MaximumConcurrency = 2,
                },
            },
            cancellationToken);
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        return new ExportBlob(blobName, info.Value.ETag.ToString(), properties.Value.ContentLength, info.Value.LastModified);
    }
}
