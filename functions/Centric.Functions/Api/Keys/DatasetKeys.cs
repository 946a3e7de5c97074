using Centric.Storage.Keys;

namespace Centric.Functions.Api.Keys;

/// <summary>
/// The <c>keys</c> table as this instance last read it: re-read when older than <see cref="CacheFor"/>, so a key created
/// or revoked with <c>centric keys</c> takes effect on every instance within that time. A table that cannot be read
/// fails the request (503), never opens a dataset.
/// </summary>
internal sealed partial class DatasetKeys(ApiKeyStore store, TimeProvider time, ILogger<DatasetKeys> logger) : IDisposable
{
    /// <summary>The request header that carries a dataset key.</summary>
    public const string Header = "x-api-key";

    /// <summary>How long a reading of the table is used: the longest a revoked key keeps working.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Reading? _current;

    /// <summary>The key a request presents, or null.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue(Header, out var values) && values.Count == 1 ? values[0] : null;
    }

    public async ValueTask<KeyDirectory> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_current) is { } directory)
        {
            return directory;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_current) is { } again)
            {
                return again;
            }

            var readAt = time.GetUtcNow();
            var read = new KeyDirectory(await store.ListAllAsync(cancellationToken));
            _current = new Reading(read, readAt);
            return read;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// Notes that <paramref name="key"/> was accepted: written at most once per <see cref="ApiKeyStore.LastUsedResolution"/>
    /// per key, so checking keys does not turn reads into writes. A failed write is logged and does not fail the request.
    /// </summary>
    public async Task NoteUseAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow();
        if (key.LastUsedAt is { } last && now - last < ApiKeyStore.LastUsedResolution)
        {
            return;
        }

        key.LastUsedAt = now;
        try
        {
            await store.TouchAsync(key.PartitionKey, key.RowKey, now, cancellationToken);
        }
        catch (Azure.RequestFailedException e)
        {
            LastUseNotRecorded(logger, key.PartitionKey, key.RowKey, e.Status);
        }
    }

    public void Dispose() => _refresh.Dispose();

    private KeyDirectory? Fresh(Reading? reading) =>
        reading is not null && time.GetUtcNow() - reading.ReadAt < CacheFor ? reading.Directory : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The last use of key {KeyId} of dataset {Dataset} was not recorded (storage answered {Status})")]
    private static partial void LastUseNotRecorded(ILogger logger, string dataset, string keyId, int status);

    private sealed record Reading(KeyDirectory Directory, DateTimeOffset ReadAt);
}
