using Centric.Engine.Samples;
using Centric.LocalHost.Storage;

namespace Centric.LocalHost;

/// <summary>How to run the local Functions host.</summary>
public sealed record LocalHostOptions
{
    /// <summary>The folder holding host.json and the function folders. Default: this program's output folder.</summary>
    public string ScriptRoot { get; init; } = AppContext.BaseDirectory;

    /// <summary>
    /// App settings (local.settings.json <c>Values</c>): the handler's environment and the source of
    /// <c>%Setting%</c> in bindings. Environment variables override them (see <see cref="Environment"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment lookup that overrides <see cref="Settings"/>; null reads the real environment.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>
    /// Storage for triggers and the handler. Null: the <c>AzureWebJobsStorage</c> setting; when that is absent
    /// or <c>UseDevelopmentStorage=true</c>, Azurite on 10000-10002 (started if nothing listens there).
    /// </summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>Ports and data folder of the Azurite started when storage is development storage and none is listening.</summary>
    public AzuriteOptions Azurite { get; init; } = new();

    /// <summary>Port for the public API on 127.0.0.1; 0 picks a free one (see <see cref="LocalFunctionsHost.BaseUrl"/>).</summary>
    public int HttpPort { get; init; } = 7071;

    /// <summary>A handler that is already running: the host calls it instead of starting host.json's executable.</summary>
    public Uri? HandlerUrl { get; init; }

    /// <summary>How long the handler may take to answer <c>GET /</c> after it starts.</summary>
    public TimeSpan HandlerStartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where <c>node_modules/azurite</c> and <c>.azurite/</c> live; null finds Serverless.sln upwards.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>When set, the generated sample dataset is written to the exports container before triggers start.</summary>
    public SampleOptions? Sample { get; init; }
}
