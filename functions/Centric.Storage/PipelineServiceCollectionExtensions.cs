using Centric.Storage.Connection;
using Centric.Storage.Curated;
using Centric.Storage.Datasets;
using Centric.Storage.Exports;
using Centric.Storage.Ingestions;
using Centric.Storage.Pipeline;
using Centric.Storage.Queues;
using Centric.Storage.Rejects;
using Centric.Storage.Scores;
using Centric.Storage.Snapshots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Centric.Storage;

/// <summary>Registers the storage adapters and the pipeline services.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddCentricPipeline(this IServiceCollection services, IConfiguration configuration, StorageNames? names = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration, names));
        services.AddSingleton<ExportsStore>();
        services.AddSingleton<CuratedStore>();
        services.AddSingleton<RejectsStore>();
        services.AddSingleton<IngestionLedger>();
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<ScoresStore>();
        services.AddSingleton<DatasetRegistry>();
        services.AddSingleton<WorkQueues>();
        services.AddSingleton<ScanService>();
        services.AddSingleton<ComputeService>();
        services.AddSingleton<IngestionService>();
        return services;
    }
}
