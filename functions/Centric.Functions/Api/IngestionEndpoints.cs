using System.Globalization;
using Centric.Storage.Ingestions;
using Centric.Storage.Rejects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary>The ingestion ledger of a dataset and each ingestion's rejected rows.</summary>
internal static class IngestionEndpoints
{
    private const string RejectsHeader = "line,column,value,reason\r\n";

    public static RouteGroupBuilder MapIngestions(this RouteGroupBuilder dataset)
    {
        dataset.MapGet("/ingestions", ListAsync)
            .Takes()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListIngestions").WithSummary("Ledger entries of a dataset, newest first.");

        dataset.MapGet("/ingestions/{id}", GetAsync)
            .Takes()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetIngestion").WithSummary("One ledger entry.");

        dataset.MapGet("/ingestions/{id}/rejects", GetRejectsAsync)
            .Takes()
            .Produces<string>(StatusCodes.Status200OK, CsvResponses.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetRejects").WithSummary("Rejected rows of an ingestion as CSV: line, column, value, reason.");
        return dataset;
    }

    private static async Task<Results<Ok<IngestionEntry[]>, ProblemHttpResult>> ListAsync(
        string dataset, IngestionLedger ledger, CancellationToken cancellationToken)
    {
        var records = await ledger.ListAsync(dataset, cancellationToken);
        if (records.Count == 0)
        {
            return Problems.NotFound($"Dataset '{dataset}' has no ingestions.");
        }

        return TypedResults.Ok(records.OrderByDescending(r => r.RowKey, StringComparer.Ordinal).Select(Entry).ToArray());
    }

    private static async Task<Results<Ok<IngestionEntry>, ProblemHttpResult>> GetAsync(
        string dataset, string id, IngestionLedger ledger, CancellationToken cancellationToken)
    {
        if (await ledger.GetAsync(dataset, id, cancellationToken) is not { } record)
        {
            return Problems.NotFound($"Dataset '{dataset}' has no ingestion '{id}'.");
        }

        return TypedResults.Ok(Entry(record));
    }

    private static async Task<Results<ContentHttpResult, FileStreamHttpResult, ProblemHttpResult>> GetRejectsAsync(
        string dataset, string id, IngestionLedger ledger, RejectsStore rejects, CancellationToken cancellationToken)
    {
        if (await ledger.GetAsync(dataset, id, cancellationToken) is null)
        {
            return Problems.NotFound($"Dataset '{dataset}' has no ingestion '{id}'.");
        }

        if (await rejects.OpenAsync(dataset, id, cancellationToken) is not { } stream)
        {
            return TypedResults.Text(RejectsHeader, CsvResponses.ContentType);
        }

        return TypedResults.Stream(stream, CsvResponses.ContentType, $"{dataset}-{id}-rejects.csv");
    }

    private static IngestionEntry Entry(IngestionRecord r) => new(
        r.RowKey,
        r.PartitionKey,
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
        r.Rejected > 0 ? string.Create(CultureInfo.InvariantCulture, $"/api/datasets/{r.PartitionKey}/ingestions/{r.RowKey}/rejects") : null);
}
