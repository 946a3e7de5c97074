using System.Text.Json.Serialization;

namespace Centric.Functions.Invocations;

/// <summary>
/// The custom handler's answer to the host: <c>{"Outputs": {...}, "Logs": [...], "ReturnValue": ...}</c>, with these
/// exact names (the API's camelCase policy does not apply). Outputs are empty: the handler writes to storage itself.
/// Logs are summary lines the host adds to the invocation's log.
/// </summary>
public sealed record InvocationResult(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    public static InvocationResult Ok(params string[] logs) => new(new Dictionary<string, object?>(), logs, null);
}
