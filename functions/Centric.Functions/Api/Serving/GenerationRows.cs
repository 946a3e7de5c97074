using System.Collections.Concurrent;
using System.Globalization;

namespace Centric.Functions.Api.Serving;

/// <summary>
/// Rows of published generations held in memory: the OData feed's snapshot rows, a generation's customer scores and
/// cohort cells, read from storage once per dataset and generation and then served from here. A generation never
/// changes once published, so an entry is never stale; which generation is current is decided by
/// <see cref="CurrentGenerations"/>, and a new generation is simply a new key. Entries are bounded by an estimate of
/// their size (<see cref="CapBytes"/>, the <c>Serving:RowCacheMb</c> setting): past it, the least recently read
/// entries are dropped, and an entry larger than the whole cap is served to the requests that asked for it but not
/// kept. A dataset's generations older than its previous one are dropped once a newer current one is known
/// (<see cref="DropSuperseded"/>). Concurrent requests for one entry share one read.
/// </summary>
internal sealed class GenerationRows
{
    /// <summary>The app setting holding the cap in MB.</summary>
    public const string CapSetting = "Serving:RowCacheMb";

    /// <summary>The cap when the setting is not given, in MB.</summary>
    public const int DefaultCapMb = 256;

    /// <summary>The largest cap the setting accepts, in MB.</summary>
    public const int MaxCapMb = 1 << 20;

    private readonly ConcurrentDictionary<RowsKey, Entry> _entries = new();
    private readonly Lock _evicting = new();
    private long _bytes;
    private long _clock;
    private long _loads;

    public GenerationRows(long capBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capBytes, 1);
        CapBytes = capBytes;
    }

    /// <summary>The cache the <c>Serving__RowCacheMb</c> app setting describes; a value that is not a whole number in range stops start-up.</summary>
    public static GenerationRows Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[CapSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new GenerationRows((long)DefaultCapMb << 20);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb is >= 1 and <= MaxCapMb
            ? new GenerationRows((long)mb << 20)
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"The app setting Serving__RowCacheMb is '{text}': expected a whole number of MB from 1 to {MaxCapMb}."));
    }

    /// <summary>At most this many bytes (as estimated by the loaders) are kept.</summary>
    public long CapBytes { get; }

    /// <summary>Estimated bytes of the entries kept now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>How many reads of storage the cache has made (one per entry loaded, again after an eviction).</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>True when the rows of <paramref name="key"/> are held now.</summary>
    public bool Holds(RowsKey key) => _entries.TryGetValue(key, out var entry) && entry.Load.IsCompletedSuccessfully && entry.Kept;

    /// <summary>
    /// Drops <paramref name="dataset"/>'s rows of every generation other than <paramref name="current"/> and
    /// <paramref name="previous"/> (a read under way for one of them is served to its requests but not kept): a
    /// superseded generation leaves memory as soon as its successor's successor is known, not when the cap needs room.
    /// Asked for again (a nextLink chain started on it), it is read from storage again.
    /// </summary>
    /// <returns>How many entries were dropped.</returns>
    public int DropSuperseded(string dataset, string? current, string? previous)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var dropped = 0;
        lock (_evicting)
        {
            foreach (var (key, entry) in _entries)
            {
                if (!string.Equals(key.Dataset, dataset, StringComparison.Ordinal)
                    || string.Equals(key.Generation, current, StringComparison.Ordinal)
                    || string.Equals(key.Generation, previous, StringComparison.Ordinal)
                    || !_entries.TryRemove(new KeyValuePair<RowsKey, Entry>(key, entry)))
                {
                    continue;
                }

                dropped++;
                if (entry.Kept)
                {
                    _bytes -= entry.Bytes;
                }
            }
        }

        return dropped;
    }

    /// <summary>
    /// The rows of <paramref name="key"/>: from memory when held, else read once by <paramref name="load"/> (which
    /// returns the rows and their estimated size in bytes) and kept within the cap.
    /// </summary>
    public async ValueTask<T> GetAsync<T>(RowsKey key, Func<CancellationToken, Task<Sized<T>>> load, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        var entry = _entries.GetOrAdd(key, static (_, state) => new Entry(state), new Loader(this, key, ct => Box(load, ct)));
        entry.LastRead = Interlocked.Increment(ref _clock);
        entry.Start();
        try
        {
            return (T)(await entry.Load.WaitAsync(cancellationToken).ConfigureAwait(false)).Rows;
        }
        catch (Exception) when (entry.Load.IsFaulted)
        {
            // A failed read is not kept: the next request reads again. This request gets the error.
            _entries.TryRemove(new KeyValuePair<RowsKey, Entry>(key, entry));
            throw;
        }
    }

    private static async Task<Sized<object>> Box<T>(Func<CancellationToken, Task<Sized<T>>> load, CancellationToken cancellationToken)
        where T : class
    {
        var sized = await load(cancellationToken).ConfigureAwait(false);
        return new Sized<object>(sized.Rows, sized.Bytes);
    }

    /// <summary>Called once an entry's read is back: counts it, then drops the least recently read entries past the cap.</summary>
    private void Loaded(RowsKey key, Entry entry, long bytes)
    {
        Interlocked.Increment(ref _loads);
        lock (_evicting)
        {
            if (bytes > CapBytes || !_entries.TryGetValue(key, out var current) || !ReferenceEquals(current, entry))
            {
                // Too large to keep (the requests waiting for it still get it), or dropped while it was read.
                _entries.TryRemove(new KeyValuePair<RowsKey, Entry>(key, entry));
                return;
            }

            entry.Bytes = bytes;
            entry.Kept = true;
            _bytes += bytes;
            if (_bytes <= CapBytes)
            {
                return;
            }

            foreach (var (oldKey, old) in _entries
                .Where(e => e.Value.Kept && !ReferenceEquals(e.Value, entry))
                .OrderBy(e => e.Value.LastRead)
                .ToList())
            {
                if (_bytes <= CapBytes)
                {
                    break;
                }

                if (_entries.TryRemove(new KeyValuePair<RowsKey, Entry>(oldKey, old)))
                {
                    _bytes -= old.Bytes;
                }
            }
        }
    }

    private sealed record Loader(GenerationRows Owner, RowsKey Key, Func<CancellationToken, Task<Sized<object>>> Read);

    private sealed class Entry(Loader loader)
    {
        private Task<Sized<object>>? _load;

        public Task<Sized<object>> Load => _load!;

        public long LastRead { get; set; }

        /// <summary>Guarded by the owner's eviction lock.</summary>
        public long Bytes { get; set; }

        public volatile bool Kept;

        /// <summary>Starts the read the first time only; every request for the entry shares it.</summary>
        public void Start()
        {
            if (Volatile.Read(ref _load) is not null)
            {
                return;
            }

            lock (this)
            {
                // The read is not the request's: one request giving up does not cancel it for the others.
                _load ??= Task.Run(async () =>
                {
                    var sized = await loader.Read(CancellationToken.None).ConfigureAwait(false);
                    loader.Owner.Loaded(loader.Key, this, sized.Bytes);
                    return sized;
                });
            }
        }
    }
}

/// <summary>Which rows: the set (<c>snapshots</c>, <c>customers</c>, …), the dataset and its generation.</summary>
internal readonly record struct RowsKey(string Set, string Dataset, string Generation);

/// <summary>Rows read from storage and an estimate of the memory they hold, in bytes.</summary>
internal readonly record struct Sized<T>(T Rows, long Bytes);
