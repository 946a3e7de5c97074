using Azure;
using Azure.Data.Tables;
using Centric.Storage.Connection;

namespace Centric.Storage.Keys;

/// <summary>The <c>keys</c> table: dataset-scoped API keys, by hash.</summary>
public sealed class ApiKeyStore(StorageClients clients)
{
    /// <summary>A key's last use is written at most once in this period, so checking a key is not a write per request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromHours(1);

    private readonly TableClient _table = clients.Tables.GetTableClient(clients.Names.KeysTable);

    /// <summary>Creates a key for <paramref name="dataset"/> and returns its entry and its text (the only time the text exists).</summary>
    public async Task<(ApiKeyRecord Record, string Key)> CreateAsync(string dataset, string role, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!ApiKeyRoles.IsKnown(role))
        {
            throw new ArgumentException($"'{role}' is not a key role ({string.Join(", ", ApiKeyRoles.All)}).", nameof(role));
        }

        await _table.CreateIfNotExistsAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var (id, key) = ApiKeySecret.Generate();
            var record = new ApiKeyRecord { PartitionKey = dataset, RowKey = id, Role = role, Hash = ApiKeySecret.HashText(key), CreatedAt = createdAt };
            try
            {
                await _table.AddEntityAsync(record, cancellationToken);
                return (record, key);
            }
            catch (RequestFailedException e) when (e.Status == 409 && attempt < 3)
            {
                // 48 random bits met an existing id in this dataset: draw again.
            }
        }
    }

    /// <summary>The dataset's keys, revoked ones included, oldest first.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string dataset, CancellationToken cancellationToken = default)
    {
        var records = new List<ApiKeyRecord>();
        try
        {
            await foreach (var record in _table.QueryAsync<ApiKeyRecord>(r => r.PartitionKey == dataset, cancellationToken: cancellationToken))
            {
                records.Add(record);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No key was ever created: the table does not exist yet.
        }

        return [.. records.OrderBy(r => r.CreatedAt).ThenBy(r => r.RowKey, StringComparer.Ordinal)];
    }

    /// <summary>Every key of every dataset (the table is small: a few keys per dataset).</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        var records = new List<ApiKeyRecord>();
        try
        {
            await foreach (var record in _table.QueryAsync<ApiKeyRecord>(cancellationToken: cancellationToken))
            {
                records.Add(record);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No key was ever created: the table does not exist yet.
        }

        return records;
    }

    /// <summary>Marks the key revoked. False when the dataset has no key with that id; true again for a key already revoked.</summary>
    public async Task<bool> RevokeAsync(string dataset, string id, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        NullableResponse<ApiKeyRecord> found;
        try
        {
            found = await _table.GetEntityIfExistsAsync<ApiKeyRecord>(dataset, id, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }

        if (!found.HasValue || found.Value is not { } record)
        {
            return false;
        }

        if (record.RevokedAt is null)
        {
            record.RevokedAt = revokedAt;
            await _table.UpdateEntityAsync(record, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }

        return true;
    }

    /// <summary>Records that the key was accepted at <paramref name="at"/> (a merge of that one column).</summary>
    public async Task TouchAsync(string dataset, string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(dataset, id) { [nameof(ApiKeyRecord.LastUsedAt)] = at };
        await _table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }
}
