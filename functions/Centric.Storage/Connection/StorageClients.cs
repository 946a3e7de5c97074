using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Centric.Storage.Connection;

/// <summary>
/// The Blob, Queue and Table service clients of the app's storage account, from the Functions host's own setting
/// <c>AzureWebJobsStorage</c>: a connection string (Azurite locally) or, in Azure, identity-based
/// (<c>AzureWebJobsStorage__accountName</c> or <c>__blobServiceUri</c>/<c>__queueServiceUri</c>/<c>__tableServiceUri</c>,
/// with <c>__credential=managedidentity</c> and <c>__clientId</c> for a user-assigned identity). Queue messages are
/// base64, as the Functions host expects.
/// </summary>
public sealed class StorageClients
{
    public const string SettingName = "AzureWebJobsStorage";

    public StorageClients(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, StorageNames names)
    {
        Blobs = blobs;
        Queues = queues;
        Tables = tables;
        Names = names;
    }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    public TableServiceClient Tables { get; }

    public StorageNames Names { get; }

    public static StorageClients FromConnectionString(string connectionString, StorageNames? names = null) =>
        new(
            new BlobServiceClient(connectionString, WithRetry(new BlobClientOptions())),
            new QueueServiceClient(connectionString, QueueOptions()),
            new TableServiceClient(connectionString, WithRetry(new TableClientOptions())),
            names ?? new StorageNames());

    public static StorageClients FromConfiguration(IConfiguration configuration, StorageNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SettingName);
        return FromSettings(name => name.Length == 0 ? section.Value : section[name], names);
    }

    /// <summary>
    /// The clients from the <c>AzureWebJobsStorage</c> settings read through <paramref name="setting"/>: "" asks for the
    /// setting itself, "accountName" for <c>AzureWebJobsStorage__accountName</c>, and so on.
    /// </summary>
    public static StorageClients FromSettings(Func<string, string?> setting, StorageNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (setting("") is { } connectionString && !string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString, names);
        }

        var account = setting("accountName");
        var blobUri = setting("blobServiceUri") ?? (account is null ? null : $"https://{account}.blob.core.windows.net");
        var queueUri = setting("queueServiceUri") ?? (account is null ? null : $"https://{account}.queue.core.windows.net");
        var tableUri = setting("tableServiceUri") ?? (account is null ? null : $"https://{account}.table.core.windows.net");
        if (blobUri is null || queueUri is null || tableUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {SettingName} to a connection string (UseDevelopmentStorage=true locally) " +
                $"or {SettingName}__accountName for identity-based access.");
        }

        TokenCredential credential = setting("clientId") is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return new StorageClients(
            new BlobServiceClient(new Uri(blobUri), credential, WithRetry(new BlobClientOptions())),
            new QueueServiceClient(new Uri(queueUri), credential, QueueOptions()),
            new TableServiceClient(new Uri(tableUri), credential, WithRetry(new TableClientOptions())),
            names ?? new StorageNames());
    }

    /// <summary>Creates every container, queue and table that does not exist yet.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in Names.Containers)
        {
            await Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var queue in Names.Queues)
        {
            await Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in Names.Tables)
        {
            await Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }
    }

    private static QueueClientOptions QueueOptions() => WithRetry(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>
    /// Three quick retries (0.5, 1, 2 s): enough for a transient error, short enough that an unreachable account is
    /// reported in seconds (a 503 to an API caller, a failed invocation the host retries) rather than after the
    /// storage SDK's default of half a minute.
    /// </summary>
    private static T WithRetry<T>(T options)
        where T : ClientOptions
    {
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        return options;
    }
}
