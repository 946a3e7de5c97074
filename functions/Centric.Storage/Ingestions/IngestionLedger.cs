using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Centric.Storage.Connection;

namespace Centric.Storage.Ingestions;

/// <summary>
/// The ingestion ledger. The ingestion id is derived from the blob name and ETag, so a blob version is queued and
/// ingested once however many times it is seen, and every retry writes the same entry.
/// </summary>
public sealed class IngestionLedger(StorageClients clients)
{
    private readonly TableClient _table = clients.Tables.GetTableClient(clients.Names.IngestionsTable);

    /// <summary>
    /// A time-ordered, deterministic id: the blob's last-modified time (so ids sort in arrival order) and a hash of
    /// blob name, ETag and the dataset's parsing settings (so changing them re-ingests the blob).
    /// </summary>
    public static string IngestionId(string blobName, string etag, DateTimeOffset lastModified, string parsing)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(blobName + "\n" + etag.Trim('"') + "\n" + parsing));
        return lastModified.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture)
            + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }

    public async Task<IngestionRecord?> GetAsync(string dataset, string ingestionId, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<IngestionRecord>(dataset, ingestionId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task UpsertAsync(IngestionRecord record, CancellationToken cancellationToken = default)
    {
        await _table.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Adds a queued entry; false when one already exists (someone else queued it).</summary>
    public async Task<bool> TryAddAsync(IngestionRecord record, CancellationToken cancellationToken = default)
    {
        try
        {
            await _table.AddEntityAsync(record, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<IngestionRecord>> ListAsync(string dataset, CancellationToken cancellationToken = default)
    {
        var records = new List<IngestionRecord>();
        await foreach (var record in _table.QueryAsync<IngestionRecord>(r => r.PartitionKey == dataset, cancellationToken: cancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>Completed ingestions of the same blob other than the given one (earlier versions or settings).</summary>
    public async Task<IReadOnlyList<IngestionRecord>> FindByBlobAsync(string dataset, string blob, string exceptIngestionId, CancellationToken cancellationToken = default)
    {
        var records = new List<IngestionRecord>();
        await foreach (var record in _table.QueryAsync<IngestionRecord>(
            r => r.PartitionKey == dataset && r.Blob == blob, cancellationToken: cancellationToken))
        {
            if (record.RowKey != exceptIngestionId && record.Status is IngestionStatuses.Succeeded or IngestionStatuses.SucceededWithRejects)
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>An earlier, completed ingestion of the same bytes read with the same parsing settings, if any.</summary>
    public async Task<IngestionRecord?> FindBySha256Async(
        string dataset, string sha256, string parsing, string exceptIngestionId, CancellationToken cancellationToken = default)
    {
        await foreach (var record in _table.QueryAsync<IngestionRecord>(
            r => r.PartitionKey == dataset && r.Sha256 == sha256 && r.Parsing == parsing, cancellationToken: cancellationToken))
        {
            if (record.RowKey != exceptIngestionId && record.Status is IngestionStatuses.Succeeded or IngestionStatuses.SucceededWithRejects)
            {
                return record;
            }
        }

        return null;
    }
}
