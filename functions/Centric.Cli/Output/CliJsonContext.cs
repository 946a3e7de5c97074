using System.Text.Json;
using System.Text.Json.Serialization;
using Centric.Cli.Commands;
using Centric.Domain.Snapshots;
using Centric.Engine.Clv;

namespace Centric.Cli.Output;

/// <summary>
/// JSON of every CLI output, camelCase as the HTTP API writes it (web defaults: dates <c>yyyy-MM-dd</c>, instants
/// ISO 8601, nulls written), indented for people, fit outcomes as kebab-case words, non-finite doubles as null.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    Converters = [typeof(FiniteDoubleConverter), typeof(FitOutcomeConverter)])]
[JsonSerializable(typeof(IReadOnlyList<SnapshotRow>))]
[JsonSerializable(typeof(IReadOnlyList<IngestionEntry>))]
[JsonSerializable(typeof(ClvReport))]
[JsonSerializable(typeof(FitClvReport))]
[JsonSerializable(typeof(BenchReport))]
[JsonSerializable(typeof(ClvBenchReport))]
[JsonSerializable(typeof(ServeBenchReport))]
[JsonSerializable(typeof(HostBenchReport))]
[JsonSerializable(typeof(GrowthReport))]
[JsonSerializable(typeof(CreatedKey))]
[JsonSerializable(typeof(ListedKey))]
[JsonSerializable(typeof(IReadOnlyList<ListedKey>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
