using System.Globalization;
using System.IO.Pipelines;
using System.Security.Cryptography;
using Centric.Domain.Exports;
using Centric.Functions.Hosting;
using Centric.Functions.Uploads;
using Centric.Pipeline.Configuration;
using Centric.Pipeline.Ingest;
using Centric.Storage.Exports;
using Centric.Storage.Ingestions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary>
/// <c>POST /api/datasets/{dataset}/exports/{kind}</c>: streams the request body (or the first file of a multipart form)
/// into the landing zone exactly as a storage drop would, records it in the ledger and queues it at once. 202 with the
/// ingestion's status URL; 400 for an empty body or a form without a file; 413 past the upload limit. The dataset name
/// is checked by the route group.
/// </summary>
internal static class ExportUploadEndpoints
{
    public static RouteGroupBuilder MapExportUpload(this RouteGroupBuilder dataset)
    {
        dataset.MapPost("/exports/{kind}", UploadAsync)
            .Takes(new QueryParameter("fileName", "The file's name in the landing zone, for a raw body (a multipart form carries its own)."))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("UploadExport").WithSummary("Upload an export file (CSV or XLSX) into the dataset's landing zone.")
            .DisableAntiforgery();
        return dataset;
    }

    private static async Task<Results<Accepted<UploadAccepted>, ProblemHttpResult>> UploadAsync(
        string dataset, string kind, HttpRequest request, ExportsStore exports, IngestionIntake ingestions,
        IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ExportKinds.TryParse(kind, out var exportKind))
        {
            return Problems.BadRequest($"'{kind}' is not an export kind: {string.Join(", ", Enum.GetValues<ExportKind>().Select(k => k.ToSlug()))}.");
        }

        var limit = UploadLimit.From(configuration[UploadLimit.SettingName]);
        if (request.ContentLength > limit)
        {
            return Problems.TooLarge(limit);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (request.ContentLength == 0)
        {
            return Problems.BadRequest("The request body is empty. " + UploadBody.HowToSend);
        }

        var (body, problem) = await UploadBody.OpenAsync(request, cancellationToken);
        if (body is null)
        {
            return Problems.BadRequest(problem!);
        }

        var reader = PipeReader.Create(new LimitedReadStream(body.Content, limit));
        var first = await reader.ReadAsync(cancellationToken);
        if (first.Buffer.IsEmpty && first.IsCompleted)
        {
            return Problems.BadRequest("The file is empty. " + UploadBody.HowToSend);
        }

        reader.AdvanceTo(first.Buffer.Start);
        var safeName = string.Concat(Path.GetFileName(body.FileName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        var now = time.GetUtcNow();
        var unique = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var blobName = $"{dataset}/{exportKind.ToSlug()}/{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{unique}-{safeName}";
        ExportBlob blob;
        await using (var content = reader.AsStream())
        {
            blob = await exports.UploadAsync(blobName, content, cancellationToken);
        }

        var parsing = (await DatasetConfigurations.ReadAsync(exports, dataset, cancellationToken)).ParsingFingerprint;
        var id = IngestionLedger.IngestionId(blob.Name, blob.ETag, blob.LastModified ?? now, parsing);
        await ingestions.QueueAsync(
            new IngestionRecord { PartitionKey = dataset, RowKey = id, Blob = blob.Name, BlobETag = blob.ETag, Kind = exportKind.ToSlug(), Parsing = parsing },
            cancellationToken);
        var location = $"/api/datasets/{dataset}/ingestions/{id}";
        return TypedResults.Accepted(location, new UploadAccepted(id, dataset, blob.Name, IngestionStatuses.Queued, location));
    }
}
