namespace Centric.Cli.Commands;

/// <summary>What <c>centric bench</c> prints: one measurement per export kind, in the order they ran.</summary>
/// <param name="Kinds">The kinds measured.</param>
internal sealed record BenchReport(IReadOnlyList<KindBench> Kinds);

/// <summary>
/// One export kind through Centric, beside the bare DuckDB baseline on the same file: sizes, the time of each stage,
/// their ratio and peak memory.
/// </summary>
/// <param name="Kind">The export kind (<c>tickets</c>).</param>
/// <param name="Rows">Rows of the kind generated.</param>
/// <param name="Customers">Customers the rows belong to (a <c>customers</c> export ingested beside, for segments); 0 for mentions.</param>
/// <param name="GenerateMs">Writing the synthetic CSVs.</param>
/// <param name="IngestMs">Ingesting the kind's file (sniff, validate, Parquet); the customers file is ingested apart.</param>
/// <param name="ComputeMs">Computing every metric of the dataset at every grain and segment.</param>
/// <param name="DuckDbMs">A bare DuckDB <c>read_csv</c> of the same file with one GROUP BY by month of its event time.</param>
/// <param name="Ratio">(ingest + compute) ÷ DuckDB; null when DuckDB took under a millisecond.</param>
/// <param name="DuckDbParquetMs">A bare DuckDB <c>read_parquet</c> of the kind's curated Parquet (what the compute reads)
/// with the same GROUP BY.</param>
/// <param name="IngestRatio">Ingest ÷ <paramref name="DuckDbMs"/>, the CSV read it is measured against.</param>
/// <param name="ComputeRatio">Compute ÷ <paramref name="DuckDbParquetMs"/>, the Parquet read it is measured against;
/// null when that took under a millisecond.</param>
/// <param name="RowsPerSecond">Rows ÷ (ingest + compute) seconds.</param>
/// <param name="PeakWorkingSetMb">The process's highest working set while this kind ran, MiB.</param>
/// <param name="IngestPeakMb">The highest working set while the kind's file was ingested, MiB.</param>
/// <param name="ComputePeakMb">The highest working set while the metrics were computed, MiB.</param>
/// <param name="ComputeManagedPeakMb">The highest .NET heap size while the metrics were computed (uncollected garbage
/// included), MiB; the rest of <paramref name="ComputePeakMb"/> is native memory, mostly DuckDB's.</param>
/// <param name="Rejected">Rows the ingestion rejected (0 for well-formed synthetic data).</param>
/// <param name="SnapshotRows">Metric values computed.</param>
/// <param name="Steps">The compute stage step by step: loads, the as-of CLV fit and each metric family.</param>
internal sealed record KindBench(
    string Kind,
    long Rows,
    int Customers,
    long GenerateMs,
    long IngestMs,
    long ComputeMs,
    long DuckDbMs,
    double? Ratio,
    long DuckDbParquetMs,
    double? IngestRatio,
    double? ComputeRatio,
    double RowsPerSecond,
    double PeakWorkingSetMb,
    double IngestPeakMb,
    double ComputePeakMb,
    double ComputeManagedPeakMb,
    long Rejected,
    int SnapshotRows,
    IReadOnlyList<Centric.Engine.Compute.ComputeStep> Steps);

/// <summary>What <c>centric bench --growth</c> prints: the DuckDB resources used and orders measured at each size.</summary>
/// <param name="MemoryLimitMb">DuckDB's <c>memory_limit</c> for ingest and compute, MiB (from the <c>DuckDb__*</c> settings).</param>
/// <param name="Threads">DuckDB's <c>threads</c>.</param>
/// <param name="Sizes">One orders measurement per size, in the order asked.</param>
internal sealed record GrowthReport(int MemoryLimitMb, int Threads, IReadOnlyList<KindBench> Sizes);
