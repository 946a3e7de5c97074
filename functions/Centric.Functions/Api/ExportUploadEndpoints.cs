using System.Globalization;
using Centric.Domain.Exports;
using Centric.Pipeline.Configuration;
using Centric.Pipeline.Ingest;
using Centric.Storage.Exports;
using Centric.Storage.Ingestions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary>
/// <c>POST /api/datasets/{dataset}/exports/{kind}</c>: stores the request body (or the first file of a multipart form)
/// in the landing zone exactly as a storage drop would, records it in the ledger and queues it at once. 202 with the
/// ingestion's status URL. The dataset name is checked by the route group.
/// </summary>
internal static class ExportUploadEndpoints
{
    public const long MaxUploadBytes = 100L * 1024 * 1024;

    public static RouteGroupBuilder MapExportUpload(this RouteGroupBuilder dataset)
    {
        dataset.MapPost("/exports/{kind}", UploadAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("UploadExport").WithSummary("Upload an export file (CSV or XLSX) into the dataset's landing zone.")
            .DisableAntiforgery();
        return dataset;
    }

    private static async Task<Results<Accepted<UploadAccepted>, ProblemHttpResult>> UploadAsync(
        string dataset, string kind, HttpRequest request, ExportsStore exports, IngestionIntake ingestions,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ExportKinds.TryParse(kind, out var exportKind))
        {
            return Problems.BadRequest($"'{kind}' is not an export kind: {string.Join(", ", Enum.GetValues<ExportKind>().Select(k => k.ToSlug()))}.");
        }

        if (request.ContentLength > MaxUploadBytes)
        {
            return TypedResults.Problem($"The file is larger than {MaxUploadBytes / 1024 / 1024} MB; drop it into the exports container instead.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        Stream content;
        string fileName;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form.Files.Count == 0)
            {
                return Problems.BadRequest("The form has no file.");
            }

            content = form.Files[0].OpenReadStream();
            fileName = form.Files[0].FileName;
        }
        else
        {
            content = new MemoryStream();
            await request.Body.CopyToAsync(content, cancellationToken);
            content.Position = 0;
            fileName = request.Query["fileName"].ToString() is { Length: > 0 } name ? name
                : request.ContentType?.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) == true ? "upload.xlsx" : "upload.csv";
        }

        await using (content)
        {
            if (content.Length == 0)
            {
                return Problems.BadRequest("The file is empty.");
            }

            var safeName = string.Concat(Path.GetFileName(fileName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
            var now = time.GetUtcNow();
            var blobName = $"{dataset}/{exportKind.ToSlug()}/{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{safeName}";
            var blob = await exports.UploadAsync(blobName, content, cancellationToken);
            var parsing = (await DatasetConfigurations.ReadAsync(exports, dataset, cancellationToken)).ParsingFingerprint;
            var id = IngestionLedger.IngestionId(blob.Name, blob.ETag, blob.LastModified ?? now, parsing);
            await ingestions.QueueAsync(
                new IngestionRecord { PartitionKey = dataset, RowKey = id, Blob = blob.Name, BlobETag = blob.ETag, Kind = exportKind.ToSlug(), Parsing = parsing },
                cancellationToken);
            var location = $"/api/datasets/{dataset}/ingestions/{id}";
            return TypedResults.Accepted(location, new UploadAccepted(id, dataset, blob.Name, IngestionStatuses.Queued, location));
        }
    }
}
