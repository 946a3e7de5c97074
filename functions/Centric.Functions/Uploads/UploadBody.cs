using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Centric.Functions.Uploads;

/// <summary>
/// The file an upload request carries, as a stream read straight from the connection: the first file of a
/// <c>multipart/form-data</c> body, or else the body itself, whatever its Content-Type (curl's default
/// <c>application/x-www-form-urlencoded</c>, <c>text/csv</c>, <c>application/octet-stream</c> or none).
/// </summary>
internal sealed record UploadBody(Stream Content, string FileName)
{
    public const string HowToSend =
        "Send the export as the request body (curl --data-binary @orders.csv URL) or as the file of a multipart form (curl -F file=@orders.csv URL).";

    /// <summary>The file, or a sentence saying what is wrong with the request.</summary>
    public static async Task<(UploadBody? Body, string? Problem)> OpenAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ||
            !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (new UploadBody(request.Body, NameFromQuery(request) ?? DefaultName(request.ContentType)), null);
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return (null, "The multipart form has no boundary in its Content-Type. " + HowToSend);
        }

        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (section.GetContentDispositionHeader() is { } disposition && disposition.IsFileDisposition())
                {
                    var name = NameFromQuery(request) ?? disposition.FileNameStar.Value ?? disposition.FileName.Value;
                    return (new UploadBody(section.Body, string.IsNullOrWhiteSpace(name) ? DefaultName(section.ContentType) : name), null);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException && !request.HttpContext.RequestAborted.IsCancellationRequested))
        {
            return (null, $"The multipart form could not be read ({e.Message}). " + HowToSend);
        }

        return (null, "The multipart form has no file. " + HowToSend);
    }

    private static string? NameFromQuery(HttpRequest request) =>
        request.Query["fileName"].ToString() is { Length: > 0 } name ? name : null;

    private static string DefaultName(string? contentType) =>
        contentType?.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) == true ? "upload.xlsx" : "upload.csv";
}
