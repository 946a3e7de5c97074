using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Centric.Storage.Connection;
using Centric.Testing;

namespace Centric.Storage.Tests;

/// <summary>Every request a storage client sends, as "METHOD uri", for tests that count round trips.</summary>
internal sealed class TableRequestLog : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _requests = new();

    public IReadOnlyList<string> All => [.. _requests];

    public void Clear() => _requests.Clear();

    /// <summary>A test's own containers, queues and tables in <paramref name="azurite"/>, its table requests logged here.</summary>
    public StorageClients Clients(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(this, HttpPipelinePosition.PerCall);
        return new StorageClients(
            new BlobServiceClient(azurite.ConnectionString),
            new QueueServiceClient(azurite.ConnectionString),
            new TableServiceClient(azurite.ConnectionString, tableOptions),
            StorageTestNames.Unique());
    }

    public override void OnSendingRequest(HttpMessage message) => _requests.Enqueue($"{message.Request.Method} {message.Request.Uri}");
}
