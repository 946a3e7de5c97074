namespace Centric.Cli.Commands;

/// <summary>What <c>centric bench</c> prints: sizes, the time of each stage, throughput and peak memory.</summary>
/// <param name="Orders">Orders generated.</param>
/// <param name="Customers">Customers the orders are spread over.</param>
/// <param name="GenerateMs">Writing the synthetic CSV.</param>
/// <param name="IngestMs">Ingesting it (sniff, validate, Parquet).</param>
/// <param name="ComputeMs">Computing every metric (and CLV scores when the engine computes them).</param>
/// <param name="TotalMs">The three stages together.</param>
/// <param name="RowsPerSecond">Orders ÷ (ingest + compute) seconds.</param>
/// <param name="PeakWorkingSetMb">The process's peak working set, MiB.</param>
/// <param name="SnapshotRows">Metric values computed.</param>
/// <param name="Steps">The compute stage step by step: loads, the as-of CLV fit and each metric family.</param>
internal sealed record BenchReport(
    long Orders,
    int Customers,
    long GenerateMs,
    long IngestMs,
    long ComputeMs,
    long TotalMs,
    double RowsPerSecond,
    double PeakWorkingSetMb,
    int SnapshotRows,
    IReadOnlyList<Centric.Engine.Compute.ComputeStep> Steps);
