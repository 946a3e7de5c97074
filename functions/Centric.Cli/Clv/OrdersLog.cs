using Centric.Domain.Clv;
using Centric.Domain.Datasets;
using Centric.Domain.Exports;
using Centric.Engine.DuckDb;
using Centric.Engine.Ingestion;
using Centric.Engine.Local;

namespace Centric.Cli.Clv;

/// <summary>
/// Reads an orders export in any format the ingestor accepts into the transactions of the CLV models: the file is
/// ingested as orders, then DuckDB reads the valid orders (not cancelled or refunded, amount ≥ 0; the last line of a
/// repeated order id wins) as customer, calendar day and amount.
/// </summary>
internal static class OrdersLog
{
    public static IReadOnlyList<Transaction>? Read(string path, DatasetSettings settings, out string? problem)
    {
        var work = Directory.CreateTempSubdirectory("centric-fit-");
        try
        {
            var curated = Path.Combine(work.FullName, "orders.parquet");
            var result = new ExportIngestor().Ingest(new IngestRequest(
                path,
                Path.GetFileName(path),
                ExportKind.Orders,
                settings,
                null,
                FolderIngestion.IngestionId(1, path),
                FolderIngestion.IngestedAtBase,
                curated,
                Path.Combine(work.FullName, "rejects.csv")));
            if (result.Status == IngestionStatus.Failed || result.Accepted == 0)
            {
                problem = $"'{path}' has no usable orders: {result.Message}";
                return null;
            }

            using var db = new DuckDbSession();
            var transactions = db.Rows(
                $"""
                SELECT customer_id, CAST(order_date AS DATE) AS day, amount
                FROM (SELECT * FROM read_parquet({DuckDbSession.Literal(curated)})
                      QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY _line DESC) = 1)
                WHERE coalesce(status, 'completed') NOT IN ('cancelled', 'refunded') AND amount >= 0
                """,
                r => new Transaction(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetDecimal(2)));
            problem = transactions.Count == 0 ? $"'{path}' has no valid orders (all cancelled, refunded or negative)." : null;
            return problem is null ? transactions : null;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
