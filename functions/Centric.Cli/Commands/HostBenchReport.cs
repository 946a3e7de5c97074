namespace Centric.Cli.Commands;

/// <summary>What <c>centric bench --host</c> prints: one dataset's orders taken through the local host, stage by stage.</summary>
/// <param name="Orders">Order rows written to the export (and accepted by its ingestion).</param>
/// <param name="Customers">Customers of the generated sample.</param>
/// <param name="OrdersBytes">Size of the orders CSV.</param>
/// <param name="ScanSeconds">How often the landing zone was scanned (Event Grid or the upload route queue at once in Azure).</param>
/// <param name="Stages">Upload, wait for the scan, ingest, compute and publish, from the ledger's and the dataset's times.</param>
/// <param name="TotalMs">From the start of the upload to the first 200 of the dataset's revenue route.</param>
/// <param name="DuckDbMs">A bare DuckDB read_csv of the same orders file with one GROUP BY by month.</param>
/// <param name="Ratio"><see cref="TotalMs"/> ÷ <see cref="DuckDbMs"/>; null when the bare read took no measurable time.</param>
/// <param name="HandlerPeakMb">The handler process's peak working set (Azurite and the local host excluded).</param>
/// <param name="Generation">The generation published.</param>
/// <param name="ComputedOrders">The valid orders the generation counted.</param>
/// <param name="ComputedCustomers">The customers the generation counted.</param>
internal sealed record HostBenchReport(
    long Orders,
    int Customers,
    long OrdersBytes,
    int ScanSeconds,
    IReadOnlyList<HostBenchStage> Stages,
    long TotalMs,
    long DuckDbMs,
    double? Ratio,
    double HandlerPeakMb,
    string? Generation,
    long ComputedOrders,
    int ComputedCustomers);

/// <summary>One stage of <see cref="HostBenchReport"/>.</summary>
/// <param name="Stage">What ran.</param>
/// <param name="Ms">How long it took, in milliseconds.</param>
internal sealed record HostBenchStage(string Stage, long Ms);
