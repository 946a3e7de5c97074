using Centric.Functions.Api.Serving;
using Microsoft.Extensions.Time.Testing;

namespace Centric.Functions.Tests;

/// <summary>
/// The stale-while-renew cache on a clock the test moves, over a source the test answers by hand: which age of a
/// reading is used as it is, used while one shared read runs beside it, or waited for; what a failed read and a
/// forgotten key do.
/// </summary>
public sealed class StaleWhileRenewTests
{
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(7);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly Source _source = new();

    private StaleWhileRenew<string, int> Cache(Action<string, int>? renewed = null, Action<string, Exception>? failed = null) =>
        new(_source.ReadAsync, Renew, Max, _time, renewed, failed, StringComparer.Ordinal);

    [Fact]
    public async Task YoungReading_IsUsedWithoutAskingTheSource()
    {
        var cache = Cache();
        var first = cache.GetAsync("a", CancellationToken.None);
        await _source.AnswerAsync("a", 1);
        Assert.Equal(1, await first);

        _time.Advance(Renew - TimeSpan.FromTicks(1));
        Assert.Equal(1, await cache.GetAsync("a", CancellationToken.None));
        Assert.Equal(1, _source.Reads("a"));
    }

    [Fact]
    public async Task HalfOldReading_IsUsedWhileOneSharedReadRuns_ThenTheNewOneIs()
    {
        var cache = Cache();
        var first = cache.GetAsync("a", CancellationToken.None);
        await _source.AnswerAsync("a", 1);
        await first;

        _time.Advance(Renew);
        for (var i = 0; i < 10; i++)
        {
            var during = cache.GetAsync("a", CancellationToken.None);
            Assert.True(during.IsCompletedSuccessfully, "a request waited while a usable reading was in hand");
            Assert.Equal(1, await during);
        }

        await _source.WaitForReadsAsync("a", 2);
        Assert.Equal(2, _source.Reads("a"));
        await _source.AnswerAsync("a", 2);
        await WaitUntilAsync(() => cache.TryPeek("a", out var v) && v == 2);
        Assert.Equal(2, await cache.GetAsync("a", CancellationToken.None));
        Assert.Equal(2, _source.Reads("a"));
    }

    [Fact]
    public async Task TooOldReading_IsNotUsed_RequestsWaitForOneRead()
    {
        var cache = Cache();
        var first = cache.GetAsync("a", CancellationToken.None);
        await _source.AnswerAsync("a", 1);
        await first;

        _time.Advance(Max);
        var waiting = Enumerable.Range(0, 5).Select(_ => cache.GetAsync("a", CancellationToken.None).AsTask()).ToList();
        await _source.WaitForReadsAsync("a", 2);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        await _source.AnswerAsync("a", 3);
        Assert.All(await Task.WhenAll(waiting), v => Assert.Equal(3, v));
        Assert.Equal(2, _source.Reads("a"));
    }

    [Fact]
    public async Task ReadingAge_CountsFromBeforeTheReadStarted()
    {
        var cache = Cache();
        var first = cache.GetAsync("a", CancellationToken.None);
        await _source.WaitForReadsAsync("a", 1);

        // The source takes 3 s to answer: the reading is 3 s old when it arrives, so it is already being renewed.
        _time.Advance(TimeSpan.FromSeconds(3));
        await _source.AnswerAsync("a", 1);
        Assert.Equal(1, await first);
        Assert.Equal(1, await cache.GetAsync("a", CancellationToken.None));
        await _source.WaitForReadsAsync("a", 2);

        // 7 s after the first read started it is no longer used, though it arrived 4 s ago.
        _time.Advance(TimeSpan.FromSeconds(4));
        var waited = cache.GetAsync("a", CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(waited.IsCompleted);
        await _source.AnswerAsync("a", 2);
        Assert.Equal(2, await waited);
    }

    [Fact]
    public async Task FailedRenewal_KeepsTheReadingUntilMaxAge_ThenRequestsGetTheError()
    {
        var failures = new List<string>();
        var cache = Cache(failed: (key, e) => { lock (failures) { failures.Add(key + ":" + e.Message); } });
        var first = cache.GetAsync("a", CancellationToken.None);
        await _source.AnswerAsync("a", 1);
        await first;

        _time.Advance(Renew);
        Assert.Equal(1, await cache.GetAsync("a", CancellationToken.None));
        await _source.WaitForReadsAsync("a", 2);
        await _source.FailAsync("a", "table down");
        await WaitUntilAsync(() => { lock (failures) { return failures.Count == 1; } });
        Assert.Equal("a:table down", failures.Single());

        // Still usable: a new renewal starts, the old reading is served.
        Assert.Equal(1, await cache.GetAsync("a", CancellationToken.None));
        await _source.WaitForReadsAsync("a", 3);
        await _source.FailAsync("a", "still down");
        await WaitUntilAsync(() => { lock (failures) { return failures.Count == 2; } });

        _time.Advance(Max - Renew);
        var waited = cache.GetAsync("a", CancellationToken.None).AsTask();
        await _source.WaitForReadsAsync("a", 4);
        await _source.FailAsync("a", "down at max age");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => waited);
        Assert.Equal("down at max age", error.Message);
    }

    [Fact]
    public async Task Forget_DropsTheReading_AndAReadUnderWayIsNeitherKeptNorShared()
    {
        var renewed = new List<int>();
        var cache = Cache(renewed: (_, v) => { lock (renewed) { renewed.Add(v); } });
        var first = cache.GetAsync("a", CancellationToken.None);
        await _source.AnswerAsync("a", 1);
        await first;

        // A renewal starts and sees the old value; the source changes and the key is forgotten before it answers.
        _time.Advance(Renew);
        Assert.Equal(1, await cache.GetAsync("a", CancellationToken.None));
        await _source.WaitForReadsAsync("a", 2);
        cache.Forget("a");
        Assert.False(cache.TryPeek("a", out _));

        var after = cache.GetAsync("a", CancellationToken.None).AsTask();
        await _source.WaitForReadsAsync("a", 3);
        await _source.AnswerAsync("a", 1); // the read from before Forget
        await _source.AnswerAsync("a", 5); // the read after it
        Assert.Equal(5, await after);
        Assert.True(cache.TryPeek("a", out var kept));
        Assert.Equal(5, kept);
        lock (renewed)
        {
            Assert.Equal([1, 5], renewed);
        }
    }

    [Fact]
    public async Task Keys_AreRenewedApart()
    {
        var cache = Cache();
        var a = cache.GetAsync("a", CancellationToken.None);
        var b = cache.GetAsync("b", CancellationToken.None);
        await _source.AnswerAsync("b", 20);
        Assert.Equal(20, await b);
        Assert.False(a.IsCompleted);
        await _source.AnswerAsync("a", 10);
        Assert.Equal(10, await a);
    }

    [Fact]
    public async Task AWaitingRequest_CanGiveUp_WithoutCancellingTheSharedRead()
    {
        var cache = Cache();
        using var cancel = new CancellationTokenSource();
        var gaveUp = cache.GetAsync("a", cancel.Token).AsTask();
        var stays = cache.GetAsync("a", CancellationToken.None).AsTask();
        await _source.WaitForReadsAsync("a", 1);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        await _source.AnswerAsync("a", 4);
        Assert.Equal(4, await stays);
        Assert.Equal(1, _source.Reads("a"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the condition did not hold within 10 s");
            await Task.Delay(5);
        }
    }

    /// <summary>A source whose reads wait, in the order they started, for the test to answer them.</summary>
    private sealed class Source
    {
        private readonly Dictionary<string, List<TaskCompletionSource<int>>> _reads = [];
        private readonly Dictionary<string, int> _answered = [];

        public Task<int> ReadAsync(string key, CancellationToken cancellationToken)
        {
            var read = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_reads)
            {
                if (!_reads.TryGetValue(key, out var list))
                {
                    _reads[key] = list = [];
                }

                list.Add(read);
            }

            return read.Task;
        }

        public int Reads(string key)
        {
            lock (_reads)
            {
                return _reads.TryGetValue(key, out var list) ? list.Count : 0;
            }
        }

        public Task WaitForReadsAsync(string key, int count) => WaitUntilAsync(() => Reads(key) >= count);

        /// <summary>Answers the oldest unanswered read of <paramref name="key"/>, once it has started.</summary>
        public async Task AnswerAsync(string key, int value) => (await NextAsync(key)).SetResult(value);

        public async Task FailAsync(string key, string message) => (await NextAsync(key)).SetException(new InvalidOperationException(message));

        private async Task<TaskCompletionSource<int>> NextAsync(string key)
        {
            int index;
            lock (_reads)
            {
                index = _answered.GetValueOrDefault(key);
                _answered[key] = index + 1;
            }

            await WaitForReadsAsync(key, index + 1);
            lock (_reads)
            {
                return _reads[key][index];
            }
        }
    }
}
