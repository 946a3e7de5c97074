using System.Text.Json;
using System.Text.Json.Serialization;
using Centric.Domain.Snapshots;

namespace Centric.Functions.Api;

/// <summary>
/// Source-generated serialization of every <c>/api</c> response body, with the web defaults (camelCase, nulls
/// written). First in the HTTP JSON resolver chain, so responses and the OpenAPI schemas come from the same contracts.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(DatasetSummary[]))]
[JsonSerializable(typeof(DatasetSummary))]
[JsonSerializable(typeof(MetricCatalogEntry[]))]
[JsonSerializable(typeof(SnapshotRow[]))]
[JsonSerializable(typeof(CohortMatrix))]
[JsonSerializable(typeof(MetricCustomerList))]
[JsonSerializable(typeof(CustomerScore))]
[JsonSerializable(typeof(ClvFitReport))]
[JsonSerializable(typeof(PAliveDistribution))]
[JsonSerializable(typeof(IngestionEntry[]))]
[JsonSerializable(typeof(IngestionEntry))]
[JsonSerializable(typeof(UploadAccepted))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
