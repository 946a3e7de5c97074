using System.Text;
using System.Text.Json;
using Centric.Storage.Queues;

namespace Centric.Functions.Invocations;

/// <summary>
/// Reads the bodies of the work queues. The <c>ingest</c> queue carries the pipeline's own
/// <see cref="IngestMessage"/> and Event Grid <c>Microsoft.Storage.BlobCreated</c> events (Event Grid schema or
/// CloudEvents, one event or an array, plain or base64), whose subject names the blob:
/// <c>/blobServices/default/containers/{container}/blobs/{blob}</c>.
/// </summary>
public static class QueueMessages
{
    private const string BlobCreated = "Microsoft.Storage.BlobCreated";
    private const string BlobsMarker = "/blobs/";

    /// <summary>The ingest work items in a message body, or an error saying why there are none.</summary>
    public static IReadOnlyList<IngestMessage> ReadIngest(string body, string exportsContainer)
    {
        using var document = ParseJsonOrBase64(body);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return [.. root.EnumerateArray().Select(e => FromEvent(e, exportsContainer)).OfType<IngestMessage>()];
        }

        if (IsEvent(root))
        {
            return FromEvent(root, exportsContainer) is { } message ? [message] : [];
        }

        var own = root.Deserialize(MessageJsonContext.Default.IngestMessage);
        return own is { Blob.Length: > 0 }
            ? [own]
            : throw new FormatException("An ingest message needs a \"blob\" (the blob name in the exports container).");
    }

    public static RecomputeMessage ReadRecompute(string body)
    {
        using var document = ParseJsonOrBase64(body);
        var message = document.RootElement.Deserialize(MessageJsonContext.Default.RecomputeMessage);
        return message is { Dataset.Length: > 0 }
            ? message
            : throw new FormatException("A recompute message needs a \"dataset\".");
    }

    private static JsonDocument ParseJsonOrBase64(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException) when (TryBase64(body, out var decoded))
        {
            return JsonDocument.Parse(decoded);
        }
    }

    private static bool TryBase64(string body, out string decoded)
    {
        var buffer = new byte[body.Length];
        if (Convert.TryFromBase64String(body.Trim(), buffer, out var written))
        {
            decoded = Encoding.UTF8.GetString(buffer, 0, written);
            return true;
        }

        decoded = "";
        return false;
    }

    private static bool IsEvent(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && (element.TryGetProperty("eventType", out _) || element.TryGetProperty("specversion", out _));

    private static IngestMessage? FromEvent(JsonElement e, string exportsContainer)
    {
        var type = e.TryGetProperty("eventType", out var eventType) ? eventType.GetString()
            : e.TryGetProperty("type", out var cloudType) ? cloudType.GetString() : null;
        if (type != BlobCreated || !e.TryGetProperty("subject", out var subjectElement) || subjectElement.GetString() is not { } subject)
        {
            return null;
        }

        var containerMarker = "/containers/" + exportsContainer + BlobsMarker;
        var at = subject.IndexOf(containerMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var blob = Uri.UnescapeDataString(subject[(at + containerMarker.Length)..]);
        string? etag = e.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("eTag", out var tag)
            ? tag.GetString()
            : null;
        return new IngestMessage(blob, etag);
    }
}
