using System.Globalization;
using System.Text.Json;

namespace Centric.Functions.Invocations;

/// <summary>
/// A non-HTTP invocation from the Functions host: <c>{"Data": {binding: value}, "Metadata": {...}}</c>.
/// The real host JSON-encodes primitive values twice (a queue message <c>{"a":1}</c> arrives as a JSON string whose
/// content is the JSON string literal of the body; <c>DequeueCount</c> as <c>"1"</c>), the documented shape sends them
/// once. Both are accepted: string values are unwrapped until they are no longer a JSON string literal.
/// </summary>
public sealed class InvocationPayload
{
    private readonly JsonElement _data;
    private readonly JsonElement _metadata;

    private InvocationPayload(JsonElement data, JsonElement metadata)
    {
        _data = data;
        _metadata = metadata;
    }

    /// <summary>Parses the request body; a body that is not a JSON object gives a clear error.</summary>
    public static InvocationPayload Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("An invocation body must be a JSON object with Data and Metadata.");
        }

        var root = document.RootElement.Clone();
        return new InvocationPayload(Property(root, "Data"), Property(root, "Metadata"));
    }

    /// <summary>The text of a binding's value (a queue message body), unwrapped; null when absent.</summary>
    public string? DataText(string binding) => Text(Property(_data, binding));

    /// <summary>The queue message's dequeue count (1 when the host did not say).</summary>
    public int DequeueCount =>
        int.TryParse(Text(Property(_metadata, "DequeueCount")), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 1;

    /// <summary>Unwraps a value sent once or twice JSON-encoded to its text.</summary>
    public static string? Text(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var text = value.GetString()!;
                for (var depth = 0; depth < 4 && text.Length >= 2 && text[0] == '"' && text[^1] == '"'; depth++)
                {
                    try
                    {
                        text = JsonSerializer.Deserialize<string>(text) ?? text;
                    }
                    catch (JsonException)
                    {
                        break;
                    }
                }

                return text;
            default:
                return value.GetRawText();
        }
    }

    private static JsonElement Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return default;
    }
}
