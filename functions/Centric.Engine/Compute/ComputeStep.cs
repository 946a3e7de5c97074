namespace Centric.Engine.Compute;

/// <summary>One timed step of <see cref="DatasetComputer.Compute"/>: loading an input, fitting, or one metric family.</summary>
/// <param name="Name">What ran, e.g. <c>load orders</c> or <c>family orders</c>.</param>
/// <param name="Milliseconds">Elapsed time of the step.</param>
/// <param name="CpuMilliseconds">Processor time the process used during the step (all threads; on a shared machine a fairer
/// measure than the elapsed time).</param>
/// <param name="Rows">Rows the step moved: customer-days read from DuckDB for a load, metric values produced for a family.</param>
/// <param name="AllocatedMb">Managed memory allocated during the step, MiB (all threads).</param>
public sealed record ComputeStep(string Name, long Milliseconds, long CpuMilliseconds, long Rows, double AllocatedMb);
