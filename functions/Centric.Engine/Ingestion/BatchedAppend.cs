using System.Collections.Concurrent;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Hands accepted rows to a <see cref="CuratedWriter"/> on a second thread, so reading and validating the next rows
/// overlaps writing the previous ones into DuckDB (which costs about as much as validating them).
/// Rows travel in typed <see cref="CuratedBatch"/>es of <see cref="BatchSize"/>, in file order, through a queue of at most
/// <see cref="BatchesInFlight"/> batches; batches and their column arrays are reused, so the memory held is bounded
/// whatever the file's size. A failure of the appender stops the reading side and is thrown from
/// <see cref="Complete"/> or <see cref="Next"/>.
/// </summary>
internal sealed class BatchedAppend : IDisposable
{
    public const int BatchSize = 2048;
    public const int BatchesInFlight = 4;

    private readonly BlockingCollection<CuratedBatch> full = new(BatchesInFlight);
    private readonly BlockingCollection<CuratedBatch> empty = new();
    private readonly CancellationTokenSource stop;
    private readonly Task appending;
    private CuratedBatch current;
    private bool completed;

    public BatchedAppend(CuratedWriter writer, IReadOnlyList<CuratedColumn> columns, CancellationToken cancellationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (var i = 0; i < BatchesInFlight + 2; i++)
        {
            empty.Add(new CuratedBatch(columns), CancellationToken.None);
        }

        current = empty.Take(CancellationToken.None);
        appending = Task.Factory.StartNew(
            () => Append(writer), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The batch and row to fill next; the row is sent only when <see cref="Keep"/> follows.</summary>
    public (CuratedBatch Batch, int Row) Next()
    {
        if (current.Count == BatchSize)
        {
            Send();
        }

        return (current, current.Begin());
    }

    /// <summary>Sends the row last returned by <see cref="Next"/> to the writer.</summary>
    public void Keep() => current.Keep();

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
                writer.Append(batch);

                batch.Clear();
                empty.Add(batch);
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
    }
}
