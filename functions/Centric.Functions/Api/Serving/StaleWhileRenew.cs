using System.Collections.Concurrent;

namespace Centric.Functions.Api.Serving;

/// <summary>
/// Readings of a slow source, one per key, reused while they are young enough: a reading younger than
/// <see cref="RenewAfter"/> is used as it is; from that age it is still used, and one read of the source starts in the
/// background, shared by every request for the key; once it is <see cref="MaxAge"/> old, requests wait for a read.
/// A reading's age counts from before its read started, so nothing is ever used longer than <see cref="MaxAge"/>
/// after the source was asked. A read that fails leaves the reading in hand as it is (its age still counts); requests
/// that wait for a read get its error.
/// </summary>
/// <typeparam name="TKey">What a reading is of.</typeparam>
/// <typeparam name="TValue">The reading.</typeparam>
internal sealed class StaleWhileRenew<TKey, TValue>
    where TKey : notnull
{
    private readonly Func<TKey, CancellationToken, Task<TValue>> _read;
    private readonly TimeProvider _time;
    private readonly Action<TKey, TValue>? _renewed;
    private readonly Action<TKey, Exception>? _failed;
    private readonly ConcurrentDictionary<TKey, Slot> _slots;

    /// <param name="read">Reads the source for a key.</param>
    /// <param name="renewAfter">Age from which a reading is renewed in the background while still used.</param>
    /// <param name="maxAge">Age from which a reading is no longer used: requests wait for a read.</param>
    /// <param name="time">The clock the ages are measured on.</param>
    /// <param name="renewed">Called after a reading is taken into use.</param>
    /// <param name="failed">Called when a read fails (whether or not a request waits for it).</param>
    /// <param name="comparer">Compares keys.</param>
    public StaleWhileRenew(
        Func<TKey, CancellationToken, Task<TValue>> read, TimeSpan renewAfter, TimeSpan maxAge, TimeProvider time,
        Action<TKey, TValue>? renewed = null, Action<TKey, Exception>? failed = null, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(renewAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAge, renewAfter);
        _read = read;
        RenewAfter = renewAfter;
        MaxAge = maxAge;
        _time = time;
        _renewed = renewed;
        _failed = failed;
        _slots = new ConcurrentDictionary<TKey, Slot>(comparer);
    }

    /// <summary>Age from which a reading is renewed in the background while it is still used.</summary>
    public TimeSpan RenewAfter { get; }

    /// <summary>Age from which a reading is no longer used.</summary>
    public TimeSpan MaxAge { get; }

    /// <summary>The reading for <paramref name="key"/>, renewed as the class describes.</summary>
    public ValueTask<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(key, static _ => new Slot());
        if (slot.Current is { } reading)
        {
            var age = _time.GetUtcNow() - reading.ReadAt;
            if (age < RenewAfter)
            {
                return new ValueTask<TValue>(reading.Value);
            }

            if (age < MaxAge)
            {
                _ = Renew(key, slot);

                // A renewal that is already back is used at once.
                return new ValueTask<TValue>((slot.Current ?? reading).Value);
            }
        }

        return WaitAsync(Renew(key, slot), cancellationToken);
    }

    /// <summary>The reading in use for <paramref name="key"/> whatever its age, else false.</summary>
    public bool TryPeek(TKey key, out TValue value)
    {
        if (_slots.TryGetValue(key, out var slot) && slot.Current is { } reading)
        {
            value = reading.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Drops the reading for <paramref name="key"/>: the next request waits for a new read, and a read already under
    /// way (it may have seen the source before it changed) is neither used nor shared.
    /// </summary>
    public void Forget(TKey key)
    {
        if (_slots.TryGetValue(key, out var slot))
        {
            lock (slot)
            {
                slot.Epoch++;
                slot.Current = null;
                slot.Pending = null;
            }
        }
    }

    private static async ValueTask<TValue> WaitAsync(Task<Reading> read, CancellationToken cancellationToken) =>
        (await read.WaitAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>The read of <paramref name="key"/> under way, else a new one started in the background.</summary>
    private Task<Reading> Renew(TKey key, Slot slot)
    {
        lock (slot)
        {
            if (slot.Pending is { } pending)
            {
                return pending;
            }

            var epoch = slot.Epoch;
            var read = Task.Run(() => ReadAsync(key, slot, epoch));

            // A read nobody waits for still has its failure observed (and reported through the callback).
            _ = read.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            slot.Pending = read;
            return read;
        }
    }

    private async Task<Reading> ReadAsync(TKey key, Slot slot, long epoch)
    {
        // The reading counts from before the source was asked, so it is never used longer than MaxAge after that.
        var readAt = _time.GetUtcNow();
        Reading reading;
        try
        {
            reading = new Reading(await _read(key, CancellationToken.None).ConfigureAwait(false), readAt);
        }
        catch (Exception e)
        {
            lock (slot)
            {
                if (slot.Epoch == epoch)
                {
                    slot.Pending = null;
                }
            }

            _failed?.Invoke(key, e);
            throw;
        }

        var kept = false;
        lock (slot)
        {
            if (slot.Epoch == epoch)
            {
                slot.Current = reading;
                slot.Pending = null;
                kept = true;
            }
        }

        if (kept)
        {
            _renewed?.Invoke(key, reading.Value);
        }

        return reading;
    }

    private sealed record Reading(TValue Value, DateTimeOffset ReadAt);

    private sealed class Slot
    {
        private volatile Reading? _current;

        public Reading? Current
        {
            get => _current;
            set => _current = value;
        }

        /// <summary>The read under way; guarded by the slot's lock.</summary>
        public Task<Reading>? Pending { get; set; }

        /// <summary>Counts <see cref="Forget"/>s; guarded by the slot's lock.</summary>
        public long Epoch { get; set; }
    }
}
