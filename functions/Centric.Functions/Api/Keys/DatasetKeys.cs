using Centric.Storage.Keys;

namespace Centric.Functions.Api.Keys;

/// <summary>
/// The <c>keys</c> table as this instance last read it: re-read when older than <see cref="CacheFor"/>, so a key created
/// or revoked with <c>centric keys</c> takes effect on every instance within that time. A reading half that old is
/// renewed in the background while requests go on with it, so requests wait for the table only when a renewal has
/// not come back within the other half. A table that cannot be read fails the request (503), never opens a dataset.
/// </summary>
internal sealed partial class DatasetKeys(ApiKeyStore store, TimeProvider time, ILogger<DatasetKeys> logger) : IDisposable
{
    /// <summary>The request header that carries a dataset key.</summary>
    public const string Header = "x-api-key";

    /// <summary>How long a reading of the table is used: the longest a revoked key keeps working.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    /// <summary>Age at which a reading is renewed in the background.</summary>
    private static readonly TimeSpan RenewAfter = CacheFor / 2;

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Reading? _current;
    private int _renewing;

    /// <summary>The key a request presents, or null.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue(Header, out var values) && values.Count == 1 ? values[0] : null;
    }

    public async ValueTask<KeyDirectory> CurrentAsync(CancellationToken cancellationToken)
    {
        var reading = _current;
        if (Fresh(reading) is { } directory)
        {
            if (time.GetUtcNow() - reading!.ReadAt >= RenewAfter)
            {
                RenewInBackground();
            }

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

    /// <summary>Reads the table once, beside the requests, unless a read is already under way.</summary>
    private void RenewInBackground()
    {
        if (Interlocked.CompareExchange(ref _renewing, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                if (await _refresh.WaitAsync(0))
                {
                    try
                    {
                        // The time is taken before the read, so a revoked key never outlives CacheFor.
                        var readAt = time.GetUtcNow();
                        _current = new Reading(new KeyDirectory(await store.ListAllAsync(CancellationToken.None)), readAt);
                    }
                    finally
                    {
                        _refresh.Release();
                    }
                }
            }
            catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or OperationCanceledException
                or AggregateException or ObjectDisposedException)
            {
                // The reading in hand stays until it is CacheFor old; then a request reads the table and fails if it must.
                RenewalFailed(logger, e.GetType().Name);
            }
            finally
            {
                Volatile.Write(ref _renewing, 0);
            }
        });
    }

    private KeyDirectory? Fresh(Reading? reading) =>
        reading is not null && time.GetUtcNow() - reading.ReadAt < CacheFor ? reading.Directory : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The last use of key {KeyId} of dataset {Dataset} was not recorded (storage answered {Status})")]
    private static partial void LastUseNotRecorded(ILogger logger, string dataset, string keyId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The keys table could not be read in the background ({Error}); requests read it once the current reading is too old")]
    private static partial void RenewalFailed(ILogger logger, string error);

    private sealed record Reading(KeyDirectory Directory, DateTimeOffset ReadAt);
}
