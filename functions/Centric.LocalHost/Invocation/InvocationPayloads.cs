using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Centric.LocalHost.Timers;

namespace Centric.LocalHost.Invocation;

/// <summary>
/// Builds the body of <c>POST /{FunctionName}</c> exactly as the Functions host sends it to a custom handler:
/// <c>{"Data": {binding: value}, "Metadata": {..., "sys": {...}}}</c>.
/// </summary>
/// <remarks>
/// The host turns every trigger value and metadata value into a JSON token before writing the request
/// (HttpScriptInvocationContext): an object becomes a JSON object, but a primitive (a string, a number, a
/// date) becomes the <em>text of its JSON serialisation</em>, which the request writer then serialises again
/// as a string. So a queue message whose body is <c>{"a":1}</c> arrives as
/// <c>"Data":{"message":"\"{\\\"a\\\":1}\""}</c>: reading <c>Data.message</c> gives the string
/// <c>"{\"a\":1}"</c> (a JSON string literal), and reading that literal gives the body. Likewise
/// <c>DequeueCount</c> 1 arrives as the string <c>"1"</c>, <c>Id</c> "abc" as the string <c>"\"abc\""</c> and
/// dates as quoted ISO strings inside a string. Keys ending in <c>Trigger</c> (the raw trigger value) are not
/// sent. <c>sys</c> is an object, so its values are plain. A handler must accept this real shape.
/// </remarks>
public static class InvocationPayloads
{
    /// <summary>Writes like the host's serializer: quotes as <c>\"</c>, non-ASCII text unescaped.</summary>
    public static readonly JsonSerializerOptions WireOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject ForQueueMessage(string functionName, string bindingName, QueueMessage message, DateTimeOffset utcNow, Guid randGuid)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject
        {
            ["Data"] = new JsonObject { [bindingName] = Primitive(message.Body.ToString()) },
            ["Metadata"] = new JsonObject
            {
                ["DequeueCount"] = Primitive(message.DequeueCount),
                ["ExpirationTime"] = Primitive(message.ExpiresOn),
                ["Id"] = Primitive(message.MessageId),
                ["InsertionTime"] = Primitive(message.InsertedOn),
                ["NextVisibleTime"] = Primitive(message.NextVisibleOn),
                ["PopReceipt"] = Primitive(message.PopReceipt),
                ["sys"] = Sys(functionName, utcNow, randGuid),
            },
        };
    }

    /// <summary>The timer payload: TimerInfo is an object, so it is sent as a JSON object.</summary>
    public static JsonObject ForTimer(string functionName, string bindingName, TimerInfo timer, DateTimeOffset utcNow, Guid randGuid)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return new JsonObject
        {
            ["Data"] = new JsonObject
            {
                [bindingName] = new JsonObject
                {
                    ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                    ["ScheduleStatus"] = new JsonObject
                    {
                        ["Last"] = timer.Last?.UtcDateTime ?? DateTime.MinValue,
                        ["Next"] = timer.Next.UtcDateTime,
                        ["LastUpdated"] = timer.LastUpdated.UtcDateTime,
                    },
                    ["IsPastDue"] = timer.IsPastDue,
                },
            },
            ["Metadata"] = new JsonObject { ["sys"] = Sys(functionName, utcNow, randGuid) },
        };
    }

    public static string Serialize(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.ToJsonString(WireOptions);
    }

    private static JsonObject Sys(string functionName, DateTimeOffset utcNow, Guid randGuid) => new()
    {
        ["MethodName"] = functionName,
        ["UtcNow"] = utcNow.UtcDateTime,
        ["RandGuid"] = randGuid.ToString(),
    };

    /// <summary>A primitive as the host sends it: the text of its JSON serialisation, as a string.</summary>
    private static JsonValue? Primitive(string? value) =>
        value is null ? null : JsonValue.Create(JsonSerializer.Serialize(value, WireOptions));

    private static JsonValue Primitive(long value) => JsonValue.Create(JsonSerializer.Serialize(value, WireOptions));

    private static JsonValue? Primitive(DateTimeOffset? value) =>
        value is null ? null : JsonValue.Create(JsonSerializer.Serialize(value.Value, WireOptions));
}
