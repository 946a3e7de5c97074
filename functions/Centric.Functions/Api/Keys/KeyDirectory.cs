using Centric.Storage.Keys;

namespace Centric.Functions.Api.Keys;

/// <summary>What a request may do with a dataset.</summary>
internal enum DatasetAccess
{
    /// <summary>The dataset has no keys, or the request's key is valid for it and its role.</summary>
    Allowed,

    /// <summary>The dataset has keys and the request carries none, or one that is unknown or revoked: 401.</summary>
    Unauthenticated,

    /// <summary>The request's key is valid but for another dataset, or a read key on an upload: 403.</summary>
    Forbidden,
}

/// <summary>One reading of the <c>keys</c> table: which datasets are protected, and the keys by id.</summary>
internal sealed class KeyDirectory(IReadOnlyList<ApiKeyRecord> records)
{
    private readonly HashSet<string> _protected = records.Select(r => r.PartitionKey).ToHashSet(StringComparer.Ordinal);
    private readonly ILookup<string, ApiKeyRecord> _byId = records.ToLookup(r => r.RowKey, StringComparer.Ordinal);

    /// <summary>True when the dataset has (or had: revoked keys count) a key, so every request to it needs one.</summary>
    public bool IsProtected(string dataset) => _protected.Contains(dataset);

    /// <summary>The live key whose hash matches <paramref name="key"/>, compared in constant time; null for any other text.</summary>
    public ApiKeyRecord? Find(string? key)
    {
        if (ApiKeySecret.IdOf(key) is not { } id)
        {
            return null;
        }

        ApiKeyRecord? match = null;
        foreach (var candidate in _byId[id])
        {
            if (ApiKeySecret.Matches(key!, candidate.Hash))
            {
                match = candidate;
            }
        }

        return match is { RevokedAt: null } ? match : null;
    }

    /// <summary>What a request presenting <paramref name="key"/> may do with <paramref name="dataset"/> when it needs <paramref name="role"/>.</summary>
    /// <remarks><paramref name="found"/> is the live key presented, whether or not it is allowed.</remarks>
    public DatasetAccess Check(string dataset, string? key, string role, out ApiKeyRecord? found)
    {
        found = null;
        if (!IsProtected(dataset))
        {
            return DatasetAccess.Allowed;
        }

        if (Find(key) is not { } record)
        {
            return DatasetAccess.Unauthenticated;
        }

        found = record;
        return record.PartitionKey == dataset && ApiKeyRoles.Allows(record.Role, role) ? DatasetAccess.Allowed : DatasetAccess.Forbidden;
    }

    /// <summary>True when a request presenting <paramref name="key"/> may read <paramref name="dataset"/>.</summary>
    public bool CanRead(string dataset, string? key) => Check(dataset, key, ApiKeyRoles.Read, out _) == DatasetAccess.Allowed;
}
