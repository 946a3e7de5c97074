using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Centric.Domain.Families.Fanout;
using Centric.Storage.Connection;

namespace Centric.Storage.Partials;

/// <summary>
/// The partial results of a fanned-out compute, one compact JSON blob per partition under the generation they are for:
/// <c>scores/{dataset}/{generation}.partials/{k}-of-{n}.json</c>. A partition delivered again rewrites its own blob with
/// the same content; the merge reads them all once all n exist, and deletes them after publishing.
/// </summary>
public sealed class PartialStore(StorageClients clients)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly BlobContainerClient _container = clients.Blobs.GetBlobContainerClient(clients.Names.Scores);

    /// <summary>What follows a generation's name in its partials' blob names.</summary>
    private const string PartialsFolder = ".partials/";

    public static string Prefix(string dataset, string generation) => $"{dataset}/{generation}{PartialsFolder}";

    public static string BlobName(string dataset, string generation, int partition, int partitions) =>
        Prefix(dataset, generation) + string.Create(CultureInfo.InvariantCulture, $"{partition:D4}-of-{partitions:D4}.json");

    public async Task WriteAsync(string dataset, string generation, PartialFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var content = BinaryData.FromObjectAsJson(file, Json);
        await _container.GetBlobClient(BlobName(dataset, generation, file.Partition, file.Partitions))
            .UploadAsync(content, overwrite: true, cancellationToken);
    }

    /// <summary>Which of the <paramref name="partitions"/> partials of the generation have been written.</summary>
    public async Task<IReadOnlySet<int>> WrittenAsync(string dataset, string generation, int partitions, CancellationToken cancellationToken = default)
    {
        var written = new HashSet<int>();
        for (var k = 0; k < partitions; k++)
        {
            if (await _container.GetBlobClient(BlobName(dataset, generation, k, partitions)).ExistsAsync(cancellationToken))
            {
                written.Add(k);
            }
        }

        return written;
    }

    public async Task<PartialFile> ReadAsync(string dataset, string generation, int partition, int partitions, CancellationToken cancellationToken = default)
    {
        var content = await _container.GetBlobClient(BlobName(dataset, generation, partition, partitions)).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToObjectFromJson<PartialFile>(Json)
            ?? throw new InvalidDataException($"The partial {BlobName(dataset, generation, partition, partitions)} is empty.");
    }

    /// <summary>
    /// Deletes the partials of every generation of the dataset whose newest partial was written before
    /// <paramref name="writtenBefore"/>: left by a merge that gave up, or by a partition delivered again after its
    /// merge had published. Returns the generations swept.
    /// </summary>
    public async Task<IReadOnlyList<string>> SweepAsync(string dataset, DateTimeOffset writtenBefore, CancellationToken cancellationToken = default)
    {
        var newest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in _container.GetBlobsAsync(
                Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, dataset + "/", cancellationToken))
            {
                var end = blob.Name.IndexOf(PartialsFolder, StringComparison.Ordinal);
                if (end < 0)
                {
                    continue;
                }

                var generation = blob.Name[(dataset.Length + 1)..end];
                var modified = blob.Properties.LastModified ?? DateTimeOffset.MaxValue;
                newest[generation] = newest.TryGetValue(generation, out var seen) && seen > modified ? seen : modified;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        var swept = newest.Where(g => g.Value < writtenBefore).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        foreach (var generation in swept)
        {
            await DeleteAsync(dataset, generation, cancellationToken);
        }

        return swept;
    }

    /// <summary>
    /// The generations of the dataset that have partials: fanned out, and their merge not done with them yet. One
    /// listing of the dataset's folder, one level deep, where each generation's partials are one entry.
    /// </summary>
    public async Task<IReadOnlySet<string>> ListGenerationsAsync(string dataset, CancellationToken cancellationToken = default)
    {
        var folder = dataset + "/";
        var generations = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var item in _container.GetBlobsByHierarchyAsync(
                Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "/", folder, cancellationToken))
            {
                if (item.IsPrefix && item.Prefix.EndsWith(PartialsFolder, StringComparison.Ordinal))
                {
                    generations.Add(item.Prefix[folder.Length..^PartialsFolder.Length]);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No scores container yet: nothing fanned out.
        }

        return generations;
    }

    /// <summary>Deletes every partial of the generation (none is an answer too).</summary>
    public async Task DeleteAsync(string dataset, string generation, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var blob in _container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, Prefix(dataset, generation), cancellationToken))
            {
                await _container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No scores container yet: nothing to delete.
        }
    }
}

/// <summary>
/// One partition's output: which partition of how many, the input it saw (the ledger watermark), the as-of date it
/// computed at (null when there was nothing to compute) and its partial sums.
/// </summary>
public sealed record PartialFile(int Partition, int Partitions, string Watermark, DateOnly? AsOf, IReadOnlyList<PartialValue> Values);
