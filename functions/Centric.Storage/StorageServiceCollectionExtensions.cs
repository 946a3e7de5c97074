using Centric.Storage.Connection;
using Centric.Storage.Curated;
using Centric.Storage.Datasets;
using Centric.Storage.Exports;
using Centric.Storage.Ingestions;
using Centric.Storage.Keys;
using Centric.Storage.Partials;
using Centric.Storage.Queues;
using Centric.Storage.Rejects;
using Centric.Storage.Scores;
using Centric.Storage.Snapshots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Centric.Storage;

/// <summary>Registers the storage account's clients and the adapters over them.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddCentricStorage(this IServiceCollection services, IConfiguration configuration, StorageNames? names = null)
    {
        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration, names));
        services.AddSingleton<ExportsStore>();
        services.AddSingleton<CuratedStore>();
        services.AddSingleton<RejectsStore>();
        services.AddSingleton<IngestionLedger>();
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<ScoresStore>();
        services.AddSingleton<PartialStore>();
        services.AddSingleton<DatasetRegistry>();
        services.AddSingleton<ComputeLocks>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<WorkQueues>();
        return services;
    }
}
