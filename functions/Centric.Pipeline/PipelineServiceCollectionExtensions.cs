using Centric.Engine.DuckDb;
using Centric.Engine.Ingestion;
using Centric.Pipeline.Compute;
using Centric.Pipeline.Ingest;
using Centric.Pipeline.Nightly;
using Centric.Pipeline.Scan;
using Centric.Storage;
using Centric.Storage.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Centric.Pipeline;

/// <summary>Registers the storage adapters and the pipeline services over them.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <remarks>
    /// The clock is the host's: it registers the <see cref="TimeProvider"/> these services read. DuckDB's memory limit,
    /// threads and spill folder come from the <c>DuckDb:*</c> settings (<see cref="DuckDbResources.From"/>).
    /// </remarks>
    public static IServiceCollection AddCentricPipeline(this IServiceCollection services, IConfiguration configuration, StorageNames? names = null)
    {
        services.AddCentricStorage(configuration, names);
        services.AddSingleton(DuckDbResources.From(
            configuration["DuckDb:InstanceMemoryMb"], configuration["DuckDb:MemoryLimitMb"], configuration["DuckDb:Threads"], configuration["DuckDb:TempDirectory"]));
        services.AddSingleton<IngestionIntake>();
        services.AddSingleton<ScanService>();
        services.AddSingleton(FunctionLimits.Load(configuration, AppContext.BaseDirectory));
        services.AddSingleton(ComputeFanout.Load(configuration));
        services.AddSingleton(RecomputeSettle.Load(configuration));
        services.AddSingleton<ComputeService>();
        services.AddSingleton(new WorkbookLimits(WorkbookLimits.UploadBytesFrom(configuration["maxUploadBytes"])));
        services.AddSingleton<IngestionService>();
        services.AddSingleton<NightlyRecomputeService>();
        return services;
    }
}
