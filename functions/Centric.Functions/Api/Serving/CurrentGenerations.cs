using System.Collections.Concurrent;
using Centric.Storage.Datasets;

namespace Centric.Functions.Api.Serving;

/// <summary>
/// Each dataset's entry in the <c>datasets</c> table as this instance last read it, and the metric answers already
/// serialised for its current generation. An entry is re-read when older than <see cref="PointerCacheFor"/>, so a
/// generation published by another instance is served here within that time; a compute run by this instance forgets
/// the dataset at once (<see cref="Forget"/>). One read of a dataset's entry is shared by the requests that wait on it.
/// Answers are kept by generation, so a response's rows, ETag and headers always come from one generation.
/// </summary>
internal sealed class CurrentGenerations(DatasetRegistry datasets, TimeProvider time)
{
    /// <summary>How long a reading of a dataset's pointer is used: the longest another instance's new generation waits.</summary>
    public static readonly TimeSpan PointerCacheFor = TimeSpan.FromSeconds(2);

    /// <summary>At most this many answers are kept; past it, answers are computed per request and not kept.</summary>
    public const int MaxAnswers = 4096;

    /// <summary>At most this many bytes of answers are kept (64 MiB).</summary>
    public const long MaxAnswerBytes = 64L << 20;

    private readonly ConcurrentDictionary<string, Task<Pointer>> _pointers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<AnswerKey, CachedAnswer> _answers = new();
    private long _answerBytes;

    /// <summary>The dataset's entry, read from the table when the last reading is older than <see cref="PointerCacheFor"/>.</summary>
    public async ValueTask<DatasetRecord?> RecordAsync(string dataset, CancellationToken cancellationToken)
    {
        while (true)
        {
            var reading = _pointers.TryGetValue(dataset, out var known) ? known : null;
            if (reading is { IsCompletedSuccessfully: true } && Fresh(reading.Result))
            {
                return reading.Result.Record;
            }

            if (reading is { IsCompleted: false })
            {
                return (await reading.WaitAsync(cancellationToken)).Record;
            }

            // The read is shared, so one caller going away does not cancel it for the others; it starts only once
            // this request has won the slot, so readers arriving together make one table read.
            var read = new TaskCompletionSource<Pointer>(TaskCreationOptions.RunContinuationsAsynchronously);
            var won = reading is null ? _pointers.TryAdd(dataset, read.Task) : _pointers.TryUpdate(dataset, read.Task, reading);
            if (!won)
            {
                continue;
            }

            try
            {
                read.SetResult(await ReadAsync(dataset));
            }
#pragma warning disable CA1031 // The failure goes to every waiting request, this one included, through the task.
            catch (Exception e)
#pragma warning restore CA1031
            {
                read.SetException(e);
            }

            return (await read.Task.WaitAsync(cancellationToken)).Record;
        }
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

        if (_pointers.TryGetValue(key.Dataset, out var reading) && reading.IsCompletedSuccessfully
            && !string.Equals(reading.Result.Record?.CurrentGeneration, key.Generation, StringComparison.Ordinal))
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
        _pointers.TryRemove(dataset, out _);
        DropAnswers(dataset, keepGeneration: null);
    }

    private async Task<Pointer> ReadAsync(string dataset)
    {
        // The reading counts from before the table was asked, so it is never used longer than PointerCacheFor.
        var readAt = time.GetUtcNow();
        var record = await datasets.GetAsync(dataset, CancellationToken.None);
        DropAnswers(dataset, record?.CurrentGeneration);
        return new Pointer(record, readAt);
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

    private bool Fresh(Pointer pointer) => time.GetUtcNow() - pointer.ReadAt < PointerCacheFor;

    private sealed record Pointer(DatasetRecord? Record, DateTimeOffset ReadAt);
}

/// <summary>
/// What one metric answer depends on: the dataset, its generation and churn preset, the metric, the format and the
/// query string as sent.
/// </summary>
internal readonly record struct AnswerKey(string Dataset, string Generation, string? ChurnPreset, string Metric, string Format, string Query);

/// <summary>A serialised metric answer: body, content type and the paging headers that go with it.</summary>
internal sealed record CachedAnswer(byte[] Body, string ContentType, string TotalCount, string? Link);
