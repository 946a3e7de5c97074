namespace Centric.Engine.Compute;

/// <summary>One timed step of <see cref="DatasetComputer.Compute"/>: loading an input, fitting, or one metric family.</summary>
/// <param name="Name">What ran, e.g. <c>load orders</c> or <c>family orders</c>.</param>
/// <param name="Milliseconds">Elapsed time of the step.</param>
/// <param name="CpuMilliseconds">Processor time the process used during the step (all threads; on a shared machine a fairer
/// measure than the elapsed time).</param>
/// <param name="Rows">Rows the step moved: customer-days read from DuckDB for a load, metric values produced for a family.</param>
/// <param name="AllocatedMb">Managed memory allocated during the step, MiB (all threads).</param>
/// <param name="HeapMb">The .NET heap when the step ended, MiB: what is live plus the garbage not collected yet.</param>
/// <param name="CommittedMb">The memory the .NET heap had committed when the step ended, MiB: the heap, its free space and its
/// room to grow (as of the last collection).</param>
/// <param name="DuckDbMb">What DuckDB held when the step ended (<c>duckdb_memory()</c>), MiB.</param>
/// <param name="WorkingSetMb">The process's working set when the step ended, MiB.</param>
/// <param name="DuckDbMilliseconds">Of <paramref name="Milliseconds"/>, the time DuckDB took to run the step's statements
/// up to their results; the rest is .NET reading the results and computing.</param>
/// <param name="RowsFromDuckDb">Rows the step's query results handed from DuckDB to .NET.</param>
public sealed record ComputeStep(
    string Name,
    long Milliseconds,
    long CpuMilliseconds,
    long Rows,
    double AllocatedMb,
    double HeapMb = 0,
    double CommittedMb = 0,
    double DuckDbMb = 0,
    double WorkingSetMb = 0,
    long DuckDbMilliseconds = 0,
    long RowsFromDuckDb = 0);
