using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Centric.Domain.Families.Cohorts;
using Centric.Domain.Families.CustomerLists;
using Centric.Engine.Clv;
using Centric.Storage.Connection;

namespace Centric.Storage.Scores;

/// <summary>
/// Per-customer CLV scores per generation: <c>scores/{dataset}/{generation}.parquet</c>. Reads go through a local copy
/// kept per generation (generations never change once written), so a customer look-up is one small DuckDB query.
/// </summary>
public sealed class ScoresStore(StorageClients clients) : IDisposable
{
    private readonly BlobContainerClient _container = clients.Blobs.GetBlobContainerClient(clients.Names.Scores);
    private readonly string _cache = Directory.CreateTempSubdirectory("centric-scores-").FullName;
    private static readonly JsonSerializerOptions CohortJson = new(JsonSerializerDefaults.Web);
    private const string Gzip = "gzip";

    private readonly SemaphoreSlim _download = new(1, 1);

    public static string BlobName(string dataset, string generation) => $"{dataset}/{generation}.parquet";

    public async Task WriteAsync(string dataset, string generation, IReadOnlyList<CustomerScoreRow> rows, CancellationToken cancellationToken = default)
    {
        var local = Path.Combine(_cache, $"{dataset}-{generation}.parquet");
        ScoresFile.Write(rows, local);
        await _container.GetBlobClient(BlobName(dataset, generation)).UploadAsync(local, overwrite: true, cancellationToken);
    }

    public async Task<CustomerScoreRow?> FindAsync(string dataset, string generation, string customerId, CancellationToken cancellationToken = default) =>
        await LocalCopyAsync(dataset, generation, cancellationToken) is { } local ? ScoresFile.Find(local, customerId) : null;

    /// <summary>Every customer's scores of a generation (empty when it has none).</summary>
    public async Task<IReadOnlyList<CustomerScoreRow>> ReadAllAsync(string dataset, string generation, CancellationToken cancellationToken = default) =>
        await LocalCopyAsync(dataset, generation, cancellationToken) is { } local ? ScoresFile.ReadAll(local) : [];

    /// <summary>The generation's customers per P(alive) bin and CLV tier, or null when it has no scores.</summary>
    public async Task<IReadOnlyList<PAliveCount>?> PAliveHistogramAsync(string dataset, string generation, int bins, CancellationToken cancellationToken = default) =>
        await LocalCopyAsync(dataset, generation, cancellationToken) is { } local ? ScoresFile.PAliveHistogram(local, bins) : null;

    /// <summary>The generation's scores file on local disk, downloaded once; null when the generation has none.</summary>
    private async Task<string?> LocalCopyAsync(string dataset, string generation, CancellationToken cancellationToken)
    {
        var local = Path.Combine(_cache, $"{dataset}-{generation}.parquet");
        if (!File.Exists(local))
        {
            await _download.WaitAsync(cancellationToken);
            try
            {
                if (!File.Exists(local))
                {
                    var partial = local + ".part";
                    await _container.GetBlobClient(BlobName(dataset, generation)).DownloadToAsync(partial, cancellationToken);
                    File.Move(partial, local, overwrite: true);
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
            finally
            {
                _download.Release();
            }
        }

        return local;
    }

    public void Dispose()
    {
        _download.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    /// <summary>The generation's cohort retention matrix, beside its scores.</summary>
    public async Task WriteCohortsAsync(string dataset, string generation, IReadOnlyList<CohortCell> cells, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(cells, CohortJson);
        await _container.GetBlobClient(CohortsBlobName(dataset, generation)).UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken);
    }

    public async Task<IReadOnlyList<CohortCell>?> ReadCohortsAsync(string dataset, string generation, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await _container.GetBlobClient(CohortsBlobName(dataset, generation)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<List<CohortCell>>(CohortJson);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public static string CohortsBlobName(string dataset, string generation) => $"{dataset}/{generation}.cohorts.json";

    /// <summary>The customers behind the generation's counts and MRR movements, beside its scores.</summary>
    public static string CustomerListsBlobName(string dataset, string generation) => $"{dataset}/{generation}.customers.json";

    /// <summary>
    /// Writes the lists as gzip-encoded JSON (<c>Content-Encoding: gzip</c>), streamed to the blob as it is serialised: a
    /// large dataset lists a row for every active customer in every period of three grains (363 MB of JSON at 3M orders,
    /// which took 24 s to buffer and upload after the compute), and the JSON of ids and dates compresses about tenfold.
    /// The JSON is written list by list from the compact rows (<see cref="CustomerListsJson"/>), never held whole.
    /// </summary>
    public async Task WriteCustomerListsAsync(string dataset, string generation, CustomerListSet lists, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var blob = _container.GetBlobClient(CustomerListsBlobName(dataset, generation));
        var options = new BlobOpenWriteOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = Gzip },
            BufferSize = 4 * 1024 * 1024,
        };
        await using var upload = await blob.OpenWriteAsync(overwrite: true, options, cancellationToken);
        await using (var zipped = new GZipStream(upload, CompressionLevel.Fastest, leaveOpen: true))
        {
            await CustomerListsJson.WriteAsync(zipped, lists, cancellationToken);
        }
    }

    /// <summary>
    /// The generation's customer lists; null when it has none (computed before lists were kept). The JSON is read as it
    /// downloads and decompresses, each listed customer straight into the compact table (<see cref="CustomerListsReader"/>).
    /// A blob that cannot be read (cut short, not gzip, not the lists' JSON) fails with <see cref="UnreadableBlobException"/>
    /// naming it.
    /// </summary>
    public async Task<CustomerListSet?> ReadCustomerListsAsync(string dataset, string generation, CancellationToken cancellationToken = default)
    {
        var name = CustomerListsBlobName(dataset, generation);
        try
        {
            var content = await _container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken);
            await using var stream = content.Value.Content;

            // Generations written before the lists were compressed hold plain JSON.
            await using var json = string.Equals(content.Value.Details.ContentEncoding, Gzip, StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(stream, CompressionMode.Decompress)
                : stream;
            return await CustomerListsReader.ReadAsync(json, $"{_container.Name}/{name}", cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// The generations of the dataset with a scores, cohorts or customer lists blob, in name order: one listing of the
    /// dataset's folder, one level deep (a fanned-out generation's partials count as one entry, and are not listed here).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListGenerationsAsync(string dataset, CancellationToken cancellationToken = default)
    {
        var folder = dataset + "/";
        var generations = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var item in _container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", folder, cancellationToken))
            {
                if (item.IsBlob && GenerationOf(item.Blob.Name[folder.Length..]) is { } generation)
                {
                    generations.Add(generation);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No scores container yet: no generation has blobs.
        }

        return [.. generations];
    }

    /// <summary>The generation a blob of a dataset's folder belongs to, or null for any other blob (the compute lock).</summary>
    private static string? GenerationOf(string name) =>
        GenerationSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal) && name.Length > s.Length) is { } suffix
            ? name[..^suffix.Length]
            : null;

    /// <summary>What follows a generation's name in the names of its blobs (<see cref="BlobName"/> and the two beside it).</summary>
    private static readonly string[] GenerationSuffixes = [".cohorts.json", ".customers.json", ".parquet"];

    public async Task DeleteAsync(string dataset, string generation, CancellationToken cancellationToken = default)
    {
        await _container.GetBlobClient(BlobName(dataset, generation)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        await _container.GetBlobClient(CohortsBlobName(dataset, generation)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        await _container.GetBlobClient(CustomerListsBlobName(dataset, generation)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        File.Delete(Path.Combine(_cache, $"{dataset}-{generation}.parquet"));
    }
}
