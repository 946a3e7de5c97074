using System.Collections.Concurrent;
using Centric.Storage.Datasets;

namespace Centric.Functions.Api.Serving;

/// <summary>
/// Each dataset's entry in the <c>datasets</c> table as this instance last read it, and the metric answers already
/// serialised for its current generation. An entry is re-read once it is <see cref="PointerCacheFor"/> old: one read
/// in the background, shared by every request, while requests keep the previous reading for up to
/// <see cref="StaleFor"/> more, so a slow table never stalls reads; past that they wait for the read. A generation
/// published by another instance is therefore served here 2 s after it is published plus one table read; a compute
/// run by this instance forgets the dataset at once (<see cref="Forget"/>). Answers are kept by generation, so a
/// response's rows, ETag and headers always come from one generation.
/// </summary>
internal sealed class CurrentGenerations(DatasetRegistry datasets, TimeProvider time)
{
    /// <summary>How old a reading of a dataset's pointer may be before it is re-read.</summary>
    public static readonly TimeSpan PointerCacheFor = TimeSpan.FromSeconds(2);

    /// <summary>How much longer the previous reading is used while the re-read is under way.</summary>
    public static readonly TimeSpan StaleFor = TimeSpan.FromSeconds(5);

    /// <summary>At most this many answers are kept; past it, answers are computed per request and not kept.</summary>
    public const int MaxAnswers = 4096;

    /// <summary>At most this many bytes of answers are kept (64 MiB).</summary>
    public const long MaxAnswerBytes = 64L << 20;

    private readonly ConcurrentDictionary<string, Pointer> _pointers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<Pointer>>> _reads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _forgotten = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<AnswerKey, CachedAnswer> _answers = new();
    private long _answerBytes;

    /// <summary>The dataset's entry as last read, re-read as the class describes.</summary>
    public async ValueTask<DatasetRecord?> RecordAsync(string dataset, CancellationToken cancellationToken)
    {
        if (_pointers.TryGetValue(dataset, out var pointer))
        {
            var age = time.GetUtcNow() - pointer.ReadAt;
            if (age < PointerCacheFor)
            {
                return pointer.Record;
            }

            var read = Read(dataset);
            if (age < PointerCacheFor + StaleFor && !read.IsCompleted)
            {
                return pointer.Record;
            }

            return (await read.WaitAsync(cancellationToken)).Record;
        }

        return (await Read(dataset).WaitAsync(cancellationToken)).Record;
    }

    /// <summary>The read of the dataset's entry under way, else a new one (one at a time per dataset).</summary>
    private Task<Pointer> Read(string dataset)
    {
        var read = new Lazy<Task<Pointer>>(() => ReadAsync(dataset));
        var current = _reads.GetOrAdd(dataset, read);
        return current.Value;
    }

    /// <summary>The answer kept for <paramref name="key"/>, or null.</summary>
    public CachedAnswer? Answer(AnswerKey key) => _answers.TryGetValue(key, out var answer) ? answer : null;

    /// <summary>Keeps <paramref name="answer"/> unless the limits are reached or the generation is no longer current.</summary>
    public void Keep(AnswerKey key, CachedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (_answers.Count >= MaxAnswers || Interlocked.Read(ref _answerBytes) + answer.Body.Length > MaxAnswerBytes)
        {
            return;
        }

        if (_pointers.TryGetValue(key.Dataset, out var pointer)
            && !string.Equals(pointer.Record?.CurrentGeneration, key.Generation, StringComparison.Ordinal))
        {
            return;
        }

        if (_answers.TryAdd(key, answer))
        {
            Interlocked.Add(ref _answerBytes, answer.Body.Length);
        }
    }

    /// <summary>Drops what is known of <paramref name="dataset"/>: its next read goes to the table.</summary>
    public void Forget(string dataset)
    {
        // A read that started before is not kept: it may have seen the pointer before it moved.
        _forgotten.AddOrUpdate(dataset, 1, static (_, n) => n + 1);
        _pointers.TryRemove(dataset, out _);
        DropAnswers(dataset, keepGeneration: null);
    }

    private async Task<Pointer> ReadAsync(string dataset)
    {
        try
        {
            // The reading counts from before the table was asked, so it is never used longer than described.
            var forgotten = _forgotten.GetValueOrDefault(dataset);
            var readAt = time.GetUtcNow();
            var record = await datasets.GetAsync(dataset, CancellationToken.None).ConfigureAwait(false);
            var pointer = new Pointer(record, readAt);
            if (_forgotten.GetValueOrDefault(dataset) == forgotten)
            {
                _pointers[dataset] = pointer;
                DropAnswers(dataset, record?.CurrentGeneration);
            }

            return pointer;
        }
        finally
        {
            _reads.TryRemove(dataset, out _);
        }
    }

    private void DropAnswers(string dataset, string? keepGeneration)
    {
        foreach (var (key, answer) in _answers)
        {
            if (string.Equals(key.Dataset, dataset, StringComparison.Ordinal)
                && !string.Equals(key.Generation, keepGeneration, StringComparison.Ordinal)
                && _answers.TryRemove(key, out _))
            {
                Interlocked.Add(ref _answerBytes, -answer.Body.Length);
            }
        }
    }

    private sealed record Pointer(DatasetRecord? Record, DateTimeOffset ReadAt);
}

/// <summary>
/// What one metric answer depends on: the dataset, its generation and churn preset, the metric, the format and the
/// query string as sent.
/// </summary>
internal readonly record struct AnswerKey(string Dataset, string Generation, string? ChurnPreset, string Metric, string Format, string Query);

/// <summary>A serialised metric answer: body, content type and the paging headers that go with it.</summary>
internal sealed record CachedAnswer(byte[] Body, string ContentType, string TotalCount, string? Link);
