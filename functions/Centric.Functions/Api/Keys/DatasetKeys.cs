using Centric.Functions.Api.Serving;
using Centric.Storage.Keys;

namespace Centric.Functions.Api.Keys;

/// <summary>
/// The <c>keys</c> table as this instance last read it: re-read when older than <see cref="CacheFor"/>, so a key created
/// or revoked with <c>centric keys</c> takes effect on every instance within that time. A reading half that old is
/// renewed in the background while requests go on with it, so requests wait for the table only when a renewal has
/// not come back within the other half. A table that cannot be read fails the request (503), never opens a dataset.
/// </summary>
internal sealed partial class DatasetKeys
{
    /// <summary>The request header that carries a dataset key.</summary>
    public const string Header = "x-api-key";

    /// <summary>How long a reading of the table is used: the longest a revoked key keeps working.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    /// <summary>Age at which a reading is renewed in the background.</summary>
    public static readonly TimeSpan RenewAfter = CacheFor / 2;

    private readonly ApiKeyStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<DatasetKeys> _logger;
    private readonly StaleWhileRenew<bool, KeyDirectory> _readings;

    public DatasetKeys(ApiKeyStore store, TimeProvider time, ILogger<DatasetKeys> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _readings = new StaleWhileRenew<bool, KeyDirectory>(
            async (_, cancellationToken) => new KeyDirectory(await store.ListAllAsync(cancellationToken).ConfigureAwait(false)),
            RenewAfter, CacheFor, time, failed: (_, e) => ReadFailed(logger, e.GetType().Name));
    }

    /// <summary>The key a request presents, or null.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue(Header, out var values) && values.Count == 1 ? values[0] : null;
    }

    /// <summary>The table as last read (there is one reading, so the cache's key is a constant).</summary>
    public ValueTask<KeyDirectory> CurrentAsync(CancellationToken cancellationToken) => _readings.GetAsync(true, cancellationToken);

    /// <summary>
    /// Notes that <paramref name="key"/> was accepted: written at most once per <see cref="ApiKeyStore.LastUsedResolution"/>
    /// per key, so checking keys does not turn reads into writes. A failed write is logged and does not fail the request.
    /// </summary>
    public async Task NoteUseAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        if (key.LastUsedAt is { } last && now - last < ApiKeyStore.LastUsedResolution)
        {
            return;
        }

        key.LastUsedAt = now;
        try
        {
            await _store.TouchAsync(key.PartitionKey, key.RowKey, now, cancellationToken);
        }
        catch (Azure.RequestFailedException e)
        {
            LastUseNotRecorded(_logger, key.PartitionKey, key.RowKey, e.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The last use of key {KeyId} of dataset {Dataset} was not recorded (storage answered {Status})")]
    private static partial void LastUseNotRecorded(ILogger logger, string dataset, string keyId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The keys table could not be read ({Error}); the reading in hand is used until it is too old, then requests fail until a read succeeds")]
    private static partial void ReadFailed(ILogger logger, string error);
}
