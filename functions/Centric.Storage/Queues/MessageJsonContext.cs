using System.Text.Json;
using System.Text.Json.Serialization;

namespace Centric.Storage.Queues;

/// <summary>Source-generated JSON for queue messages (camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IngestMessage))]
[JsonSerializable(typeof(RecomputeMessage))]
public sealed partial class MessageJsonContext : JsonSerializerContext;
