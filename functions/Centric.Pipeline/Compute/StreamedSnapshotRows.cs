using System.Threading.Channels;
using Centric.Domain.Snapshots;
using Centric.Engine.Compute;
using Centric.Storage.Snapshots;

namespace Centric.Pipeline.Compute;

/// <summary>
/// Writes a generation's snapshot rows family by family while the compute goes on: each family's values are turned
/// into rows on the compute's thread (<see cref="Add"/>) and written to the generation's table by one background
/// writer, so the Table write of the first families overlaps the compute of the later ones instead of following the
/// whole compute. The rows stay invisible until the pointer moves, as when they were written at the end. A write that
/// fails stops the compute at its next family and is rethrown by <see cref="CompleteAsync"/>.
/// </summary>
public sealed class StreamedSnapshotRows : IAsyncDisposable
{
    private readonly Channel<SnapshotRow[]> _channel =
        Channel.CreateUnbounded<SnapshotRow[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly CancellationTokenSource _stop;
    private readonly Task _writing;
    private readonly string _dataset;
    private readonly string _generation;
    private readonly DateTimeOffset _computedAt;
    private int _rows;

    /// <param name="snapshots">Where the rows go.</param>
    /// <param name="dataset">The dataset computed.</param>
    /// <param name="generation">The generation the rows belong to.</param>
    /// <param name="computedAt">The time the rows carry (not stored: a generation's rows are read with its record's time).</param>
    /// <param name="cancellationToken">The compute's: cancelling it stops the writer.</param>
    public StreamedSnapshotRows(
        SnapshotStore snapshots, string dataset, string generation, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        _dataset = dataset;
        _generation = generation;
        _computedAt = computedAt;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = _stop.Token;
        _writing = Task.Run(async () =>
        {
            await foreach (var rows in _channel.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                await snapshots.WriteAsync(_dataset, _generation, rows, token).ConfigureAwait(false);
            }
        }, CancellationToken.None);
    }

    /// <summary>Rows handed to the writer so far.</summary>
    public int Rows => Volatile.Read(ref _rows);

    /// <summary>
    /// Queues one family's rows for writing (called on the compute's thread). Throws the writer's failure when an earlier
    /// write failed, so a compute whose rows cannot be stored stops instead of running to the end for nothing.
    /// </summary>
    public void Add(FamilyValues family)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (_writing.IsFaulted || _writing.IsCanceled)
        {
            _writing.GetAwaiter().GetResult();
        }

        var rows = new SnapshotRow[family.Values.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = SnapshotRows.From(family.Values[i], _dataset, _generation, _computedAt, family.AsOf, family.ReportingCurrency);
        }

        Interlocked.Add(ref _rows, rows.Length);
        _channel.Writer.TryWrite(rows);
    }

    /// <summary>Waits until every queued row is written; the number of rows written. Rethrows a failed write.</summary>
    public async Task<int> CompleteAsync()
    {
        _channel.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
        return Rows;
    }

    /// <summary>Stops the writer if it still runs (the compute failed or was cancelled) and waits for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        if (!_writing.IsCompleted)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        // The compute's own failure is the one to report; the writer's, if any, was rethrown by Add or CompleteAsync.
        await Task.WhenAny(_writing).ConfigureAwait(false);
        _ = _writing.Exception;
        _stop.Dispose();
    }
}
