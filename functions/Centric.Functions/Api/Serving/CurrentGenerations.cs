using System.Collections.Concurrent;
using Centric.Functions.Api.OData;
using Centric.Storage.Datasets;

namespace Centric.Functions.Api.Serving;

/// <summary>
/// Each dataset's entry in the <c>datasets</c> table as this instance last read it, and the metric and snapshot answers
/// already serialised for its current generation. An entry is re-read once it is <see cref="PointerCacheFor"/> old: one read
/// in the background, shared by every request, while requests keep the previous reading for up to
/// <see cref="StaleFor"/> more, so a slow table never stalls reads; past that they wait for the read. A generation
/// published by another instance is therefore served here 2 s after it is published plus one table read; a compute
/// run by this instance forgets the dataset at once (<see cref="Forget"/>). Answers are kept by generation, so a
/// response's rows, ETag and headers always come from one generation. The list of every dataset (what the OData feed
/// reads) is kept and re-read the same way (<see cref="ListAsync"/>). When either reading shows a dataset's current
/// generation moved on, the rows held for it (<see cref="GenerationRows"/>) and the feed's answers over it
/// (<see cref="FeedAnswers"/>) are dropped for every generation but the current and the previous one: a nextLink chain
/// started on the previous generation goes on from memory, one started earlier is read from storage again.
/// </summary>
internal sealed class CurrentGenerations
{
    /// <summary>How old a reading of a dataset's pointer may be before it is re-read.</summary>
    public static readonly TimeSpan PointerCacheFor = TimeSpan.FromSeconds(2);

    /// <summary>How much longer the previous reading is used while the re-read is under way.</summary>
    public static readonly TimeSpan StaleFor = TimeSpan.FromSeconds(5);

    /// <summary>At most this many answers are kept; past it, answers are computed per request and not kept.</summary>
    public const int MaxAnswers = 4096;

    /// <summary>At most this many bytes of answers are kept (64 MiB).</summary>
    public const long MaxAnswerBytes = 64L << 20;

    private readonly StaleWhileRenew<string, DatasetRecord?> _pointers;
    private readonly StaleWhileRenew<bool, IReadOnlyList<DatasetRecord>> _list;
    private readonly ConcurrentDictionary<AnswerKey, CachedAnswer> _answers = new();
    private readonly ConcurrentDictionary<string, string?> _known = new(StringComparer.Ordinal);
    private readonly GenerationRows _rows;
    private readonly FeedAnswers _feed;
    private long _answerBytes;

    public CurrentGenerations(DatasetRegistry datasets, TimeProvider time, GenerationRows rows, FeedAnswers feed)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(feed);
        _rows = rows;
        _feed = feed;
        _pointers = new StaleWhileRenew<string, DatasetRecord?>(
            async (dataset, cancellationToken) => await datasets.GetAsync(dataset, cancellationToken).ConfigureAwait(false),
            PointerCacheFor, PointerCacheFor + StaleFor, time,
            renewed: (dataset, record) =>
            {
                DropAnswers(dataset, record?.CurrentGeneration);
                Learned(dataset, record);
            },
            comparer: StringComparer.Ordinal);
        _list = new StaleWhileRenew<bool, IReadOnlyList<DatasetRecord>>(
            async (_, cancellationToken) => await datasets.ListAsync(cancellationToken).ConfigureAwait(false),
            PointerCacheFor, PointerCacheFor + StaleFor, time,
            renewed: (_, records) =>
            {
                foreach (var record in records)
                {
                    Learned(record.RowKey, record);
                }
            });
    }

    /// <summary>Every dataset's entry as last read, re-read as the class describes (one reading for all datasets).</summary>
    public ValueTask<IReadOnlyList<DatasetRecord>> ListAsync(CancellationToken cancellationToken) => _list.GetAsync(true, cancellationToken);

    /// <summary>The dataset's entry as last read, re-read as the class describes.</summary>
    public ValueTask<DatasetRecord?> RecordAsync(string dataset, CancellationToken cancellationToken) =>
        _pointers.GetAsync(dataset, cancellationToken);

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

        if (_pointers.TryPeek(key.Dataset, out var record)
            && !string.Equals(record?.CurrentGeneration, key.Generation, StringComparison.Ordinal))
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
        _pointers.Forget(dataset);
        _list.Forget(true);
        DropAnswers(dataset, keepGeneration: null);
    }

    /// <summary>
    /// Once <paramref name="record"/> shows a current generation of <paramref name="dataset"/> other than the one last
    /// seen, drops the dataset's rows and feed answers of generations older than its previous one.
    /// </summary>
    private void Learned(string dataset, DatasetRecord? record)
    {
        var current = record?.CurrentGeneration;
        if (_known.TryGetValue(dataset, out var seen) && string.Equals(seen, current, StringComparison.Ordinal))
        {
            return;
        }

        _known[dataset] = current;
        if (current is null)
        {
            // Nothing published (yet, or any more): nothing of the dataset is served, so nothing of it is dropped here.
            return;
        }

        _rows.DropSuperseded(dataset, current, record!.PreviousGeneration);
        _feed.DropSuperseded(dataset, current, record.PreviousGeneration);
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
}

/// <summary>
/// What one answer depends on: the dataset, its generation and churn preset, the metric (or <c>/snapshot</c>), the
/// format and the query string as sent.
/// </summary>
internal readonly record struct AnswerKey(string Dataset, string Generation, string? ChurnPreset, string Metric, string Format, string Query);

/// <summary>A serialised answer: body, content type and the paging headers that go with it (none for the snapshot).</summary>
internal sealed record CachedAnswer(byte[] Body, string ContentType, string? TotalCount, string? Link);
