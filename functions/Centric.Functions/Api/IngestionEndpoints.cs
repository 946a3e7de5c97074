using System.Globalization;
using Centric.Storage.Exports;
using Centric.Storage.Ingestions;
using Centric.Storage.Rejects;

namespace Centric.Functions.Api;

/// <summary>The ingestion ledger of a dataset and each ingestion's rejected rows.</summary>
internal static class IngestionEndpoints
{
    public static RouteGroupBuilder MapIngestions(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets/{dataset}/ingestions", async Task<IResult> (string dataset, IngestionLedger ledger, CancellationToken cancellationToken) =>
        {
            if (!ExportPath.IsValidDatasetName(dataset))
            {
                return Problems.BadRequest($"'{dataset}' is not a dataset name.");
            }

            var records = await ledger.ListAsync(dataset, cancellationToken);
            return records.Count == 0
                ? Problems.NotFound($"Dataset '{dataset}' has no ingestions.")
                : TypedResults.Ok(records.OrderByDescending(r => r.RowKey, StringComparer.Ordinal).Select(View));
        }).WithName("ListIngestions").WithSummary("Ledger entries of a dataset, newest first.");

        api.MapGet("/datasets/{dataset}/ingestions/{id}", async Task<IResult> (string dataset, string id, IngestionLedger ledger, CancellationToken cancellationToken) =>
            ExportPath.IsValidDatasetName(dataset) && await ledger.GetAsync(dataset, id, cancellationToken) is { } record
                ? TypedResults.Ok(View(record))
                : Problems.NotFound($"Dataset '{dataset}' has no ingestion '{id}'."))
            .WithName("GetIngestion").WithSummary("One ledger entry.");

        api.MapGet("/datasets/{dataset}/ingestions/{id}/rejects", async Task<IResult> (
            string dataset, string id, IngestionLedger ledger, RejectsStore rejects, CancellationToken cancellationToken) =>
        {
            if (!ExportPath.IsValidDatasetName(dataset) || await ledger.GetAsync(dataset, id, cancellationToken) is null)
            {
                return Problems.NotFound($"Dataset '{dataset}' has no ingestion '{id}'.");
            }

            var stream = await rejects.OpenAsync(dataset, id, cancellationToken);
            return stream is null
                ? TypedResults.Text("line,column,value,reason\r\n", "text/csv; charset=utf-8")
                : TypedResults.Stream(stream, "text/csv; charset=utf-8", $"{dataset}-{id}-rejects.csv");
        }).WithName("GetRejects").WithSummary("Rejected rows of an ingestion as CSV: line, column, value, reason.");
        return api;
    }

    internal static object View(IngestionRecord r) => new
    {
        Id = r.RowKey,
        Dataset = r.PartitionKey,
        r.Blob,
        r.Kind,
        r.Status,
        r.RowsRead,
        r.Accepted,
        r.Rejected,
        r.Message,
        r.Format,
        r.Sha256,
        r.QueuedAt,
        r.CompletedAt,
        r.Attempts,
        Rejects = r.Rejected > 0 ? string.Create(CultureInfo.InvariantCulture, $"/api/datasets/{r.PartitionKey}/ingestions/{r.RowKey}/rejects") : null,
    };
}
