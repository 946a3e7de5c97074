using Azure;
using Azure.Data.Tables;

namespace Centric.Storage.Keys;

/// <summary>
/// A dataset-scoped API key in table <c>keys</c> (PartitionKey the dataset, RowKey the key id): its role and the
/// SHA-256 of the key, never the key itself. A revoked key keeps its entry (with <see cref="RevokedAt"/>), so its
/// dataset stays protected after its last key is revoked.
/// </summary>
public sealed class ApiKeyRecord : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary><see cref="ApiKeyRoles.Read"/> or <see cref="ApiKeyRoles.Upload"/>.</summary>
    public string Role { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 text.</summary>
    public string Hash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>When the key was last accepted, to within <see cref="ApiKeyStore.LastUsedResolution"/>; null if never.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
