using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Centric.Functions.Tests;

/// <summary>
/// Builds invocation bodies the way the Functions host sends them. <see cref="Shape.Real"/>: the message text is
/// JSON-encoded once more before being written as the Data value, DequeueCount is a string. <see cref="Shape.Clean"/>:
/// the documented shape, values written once.
/// </summary>
public static class Invocation
{
    public enum Shape
    {
        Real,
        Clean,
    }

    public static JsonObject Queue(string functionName, string messageText, int dequeueCount, Shape shape) => new()
    {
        ["Data"] = new JsonObject
        {
            ["message"] = shape == Shape.Real ? JsonSerializer.Serialize(messageText) : messageText,
        },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = shape == Shape.Real ? JsonValue.Create(JsonSerializer.Serialize(dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture))) : JsonValue.Create(dequeueCount),
            ["Id"] = shape == Shape.Real ? JsonSerializer.Serialize(Guid.NewGuid().ToString()) : Guid.NewGuid().ToString(),
            ["sys"] = new JsonObject { ["MethodName"] = functionName, ["UtcNow"] = DateTimeOffset.UtcNow.ToString("O"), ["RandGuid"] = Guid.NewGuid().ToString() },
        },
    };

    public static JsonObject Timer(string functionName) => new()
    {
        ["Data"] = new JsonObject
        {
            ["timer"] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = null,
                ["IsPastDue"] = false,
            },
        },
        ["Metadata"] = new JsonObject
        {
            ["sys"] = new JsonObject { ["MethodName"] = functionName, ["UtcNow"] = DateTimeOffset.UtcNow.ToString("O"), ["RandGuid"] = Guid.NewGuid().ToString() },
        },
    };

    public static async Task<(HttpResponseMessage Response, JsonObject? Body)> PostAsync(HttpClient client, string functionName, JsonObject payload)
    {
        var response = await client.PostAsJsonAsync("/" + functionName, payload);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null);
    }
}
