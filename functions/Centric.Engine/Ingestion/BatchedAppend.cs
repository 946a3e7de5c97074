using System.Collections.Concurrent;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Hands accepted rows to a <see cref="CuratedWriter"/> on a second thread, so reading and validating the next rows
/// overlaps writing the previous ones into DuckDB (which costs about as much as validating them).
/// Rows travel in batches of <see cref="BatchSize"/>, in file order, through a queue of at most
/// <see cref="BatchesInFlight"/> batches; batches and their value arrays are reused, so the memory held is bounded
/// whatever the file's size. A failure of the appender stops the reading side and is thrown from
/// <see cref="Complete"/> or <see cref="Next"/>.
/// </summary>
internal sealed class BatchedAppend : IDisposable
{
    public const int BatchSize = 2048;
    public const int BatchesInFlight = 4;

    private readonly BlockingCollection<Batch> full = new(BatchesInFlight);
    private readonly BlockingCollection<Batch> empty = new();
    private readonly CancellationTokenSource stop;
    private readonly Task appending;
    private Batch current;
    private bool completed;

    public BatchedAppend(CuratedWriter writer, int width, CancellationToken cancellationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (var i = 0; i < BatchesInFlight + 2; i++)
        {
            empty.Add(new Batch(width), CancellationToken.None);
        }

        current = empty.Take(CancellationToken.None);
        appending = Task.Factory.StartNew(
            () => Append(writer), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The value array for the next row; it is sent only when <see cref="Keep"/> follows.</summary>
    public object?[] Next()
    {
        if (current.Count == BatchSize)
        {
            Send();
        }

        return current.Rows[current.Count];
    }

    /// <summary>Sends the row last returned by <see cref="Next"/> to the writer.</summary>
    public void Keep() => current.Count++;

    /// <summary>Sends the last rows and waits until the writer has appended every row.</summary>
    public void Complete()
    {
        if (current.Count > 0)
        {
            Send();
        }

        completed = true;
        full.CompleteAdding();
        appending.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        if (!completed)
        {
            // The reading side failed: stop the writer and let it finish before the connection is disposed.
            stop.Cancel();
            full.CompleteAdding();
            try
            {
                appending.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The reading side's own failure is the one being thrown.
            }
        }

        stop.Dispose();
        full.Dispose();
        empty.Dispose();
    }

    private void Send()
    {
        try
        {
            full.Add(current, stop.Token);
            current = empty.Take(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // A failed writer cancels the queue: its failure is the one to throw.
            appending.GetAwaiter().GetResult();
            throw;
        }
    }

    private void Append(CuratedWriter writer)
    {
        try
        {
            foreach (var batch in full.GetConsumingEnumerable(stop.Token))
            {
                writer.Append(batch.Rows, batch.Count);

                batch.Count = 0;
                empty.Add(batch);
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
    }

    private sealed class Batch(int width)
    {
        public object?[][] Rows { get; } = [.. Enumerable.Range(0, BatchSize).Select(_ => new object?[width])];

        public int Count { get; set; }
    }
}
