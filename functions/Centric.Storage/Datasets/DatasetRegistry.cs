using Azure;
using Azure.Data.Tables;
using Centric.Storage.Connection;

namespace Centric.Storage.Datasets;

/// <summary>The <c>datasets</c> table: one entry per dataset, updated only with ETag conditions.</summary>
public sealed class DatasetRegistry(StorageClients clients)
{
    private readonly TableClient _table = clients.Tables.GetTableClient(clients.Names.DatasetsTable);

    public async Task<DatasetRecord?> GetAsync(string dataset, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<DatasetRecord>(DatasetRecord.Partition, dataset, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task<IReadOnlyList<DatasetRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var records = new List<DatasetRecord>();
        await foreach (var record in _table.QueryAsync<DatasetRecord>(r => r.PartitionKey == DatasetRecord.Partition, cancellationToken: cancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>
    /// Writes the record if nobody changed it since it was read (its ETag), or adds it when it is new.
    /// False when another writer got there first: re-read and decide again.
    /// </summary>
    public async Task<bool> TryReplaceAsync(DatasetRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            if (record.ETag == default)
            {
                await _table.AddEntityAsync(record, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Notes a new ingestion on the dataset's entry (creating it), retrying on concurrent writers.</summary>
    public async Task TouchIngestionAsync(string dataset, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var record = await GetAsync(dataset, cancellationToken) ?? new DatasetRecord { RowKey = dataset };
            record.LastIngestionAt = at;
            if (await TryReplaceAsync(record, cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Dataset {dataset} is being updated by too many writers at once.");
    }

    /// <summary>Notes a failed compute on the dataset's entry (creating it), retrying on concurrent writers.</summary>
    public async Task RecordComputeFailureAsync(
        string dataset, DateTimeOffset startedAt, TimeSpan ran, string reason, int attempt, CancellationToken cancellationToken = default)
    {
        for (var attempts = 0; attempts < 10; attempts++)
        {
            var record = await GetAsync(dataset, cancellationToken) ?? new DatasetRecord { RowKey = dataset };
            record.LastFailedComputeAt = startedAt;
            record.LastFailedComputeSeconds = Math.Round(ran.TotalSeconds, 3);
            record.LastFailedComputeReason = reason;
            record.LastFailedComputeAttempt = attempt;
            if (await TryReplaceAsync(record, cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Dataset {dataset} is being updated by too many writers at once.");
    }
}
