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
    /// <summary>Row keys of byte claims start with this (ingestion ids start with a digit), so listings skip them.</summary>
    public const string ClaimPrefix = "~bytes-";

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
            if (!record.RowKey.StartsWith(ClaimPrefix, StringComparison.Ordinal))
            {
                records.Add(record);
            }
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

    /// <summary>
    /// Claims a file's bytes (SHA-256, under the dataset's parsing settings) for one ingestion, atomically: of two
    /// ingestions of the same bytes running at once, exactly one gets the claim and the other is a duplicate. Returns
    /// the owner: <paramref name="ingestionId"/> when it holds the claim (also on a retry), else the ingestion that does.
    /// A claim whose owner no longer counts (rejected, superseded, failed, gone) is taken over.
    /// </summary>
    public async Task<string> ClaimBytesAsync(string dataset, string sha256, string parsing, string ingestionId, CancellationToken cancellationToken = default)
    {
        var key = ClaimPrefix + sha256 + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parsing)).AsSpan(0, 6));
        while (true)
        {
            try
            {
                await _table.AddEntityAsync(new TableEntity(dataset, key) { ["Owner"] = ingestionId }, cancellationToken);
                return ingestionId;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }

            var claim = await _table.GetEntityIfExistsAsync<TableEntity>(dataset, key, cancellationToken: cancellationToken);
            if (!claim.HasValue || claim.Value is not { } existing)
            {
                continue;
            }

            var owner = existing.GetString("Owner");
            if (owner == ingestionId)
            {
                return owner;
            }

            if (owner is not null && await GetAsync(dataset, owner, cancellationToken) is { } record &&
                record.Status is not (IngestionStatuses.Rejected or IngestionStatuses.Superseded or IngestionStatuses.Failed or IngestionStatuses.Duplicate))
            {
                return owner;
            }

            existing["Owner"] = ingestionId;
            try
            {
                await _table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return ingestionId;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
            {
            }
        }
    }
}
