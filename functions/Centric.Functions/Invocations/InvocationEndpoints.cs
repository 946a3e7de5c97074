using System.Globalization;
using Centric.Functions.Api.Serving;
using Centric.Pipeline.Compute;
using Centric.Pipeline.Ingest;
using Centric.Pipeline.Nightly;
using Centric.Pipeline.Scan;
using Centric.Storage.Connection;

namespace Centric.Functions.Invocations;

/// <summary>
/// The non-HTTP functions: <c>POST /{FunctionName}</c>, called by the Functions host (or the local host) for every
/// timer tick and queue message. Success is 200 with <c>{Outputs, Logs, ReturnValue}</c>; any failure is 500, so the
/// host retries the message and, after maxDequeueCount, moves it to the poison queue.
/// </summary>
public static class InvocationEndpoints
{
    public static IEndpointRouteBuilder MapInvocations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/ScanExports", (HttpRequest request, ScanService scan, ILogger<ScanService> logger, CancellationToken cancellationToken) =>
            InvokeAsync(request, "ScanExports", logger, async _ =>
            {
                var queued = await scan.ScanAsync(cancellationToken);
                return [$"{queued} exports queued for ingestion"];
            })).ExcludeFromDescription();

        app.MapPost("/NightlyRecompute", (HttpRequest request, NightlyRecomputeService nightly, ILogger<NightlyRecomputeService> logger, CancellationToken cancellationToken) =>
            InvokeAsync(request, "NightlyRecompute", logger, async _ =>
            {
                var (count, asOf, swept) = await nightly.QueueAllAsync(cancellationToken);
                return
                [
                    string.Create(CultureInfo.InvariantCulture, $"{count} datasets queued for recompute as of {asOf:yyyy-MM-dd}"),
                    .. swept == 0 ? Array.Empty<string>() : [string.Create(CultureInfo.InvariantCulture, $"partials of {swept} abandoned fanned-out generations deleted")],
                ];
            })).ExcludeFromDescription();

        app.MapPost("/IngestExport", (HttpRequest request, IngestionService ingestion, StorageClients clients, ILogger<IngestionService> logger, CancellationToken cancellationToken) =>
            InvokeAsync(request, "IngestExport", logger, async payload =>
            {
                var body = payload.DataText("message") ?? throw new FormatException("The invocation has no Data.message.");
                var logs = new List<string>();
                foreach (var message in QueueMessages.ReadIngest(body, clients.Names.Exports))
                {
                    var record = await ingestion.IngestAsync(message, payload.DequeueCount, cancellationToken);
                    logs.Add(record is null
                        ? $"{message.Blob}: nothing to ingest"
                        : string.Create(CultureInfo.InvariantCulture, $"{message.Blob}: {record.Status}, {record.Accepted} accepted, {record.Rejected} rejected"));
                }

                return logs;
            })).ExcludeFromDescription();

        app.MapPost("/ComputeMetrics", (
            HttpRequest request, ComputeService compute, CurrentGenerations generations, ILogger<ComputeService> logger, CancellationToken cancellationToken) =>
            InvokeAsync(request, "ComputeMetrics", logger, async payload =>
            {
                var body = payload.DataText("message") ?? throw new FormatException("The invocation has no Data.message.");
                var message = QueueMessages.ReadRecompute(body);
                var outcome = await compute.ComputeAsync(message, payload.DequeueCount, cancellationToken);

                // A generation published here is served here at once; other instances see it within their pointer cache.
                generations.Forget(message.Dataset);
                return [outcome switch
                {
                    { Generation: { } generation } => $"{message.Dataset}: generation {generation}",
                    { SettlingFor: { } wait } => string.Create(
                        CultureInfo.InvariantCulture, $"{message.Dataset}: exports are still arriving; queued again for {wait.TotalSeconds:0} s"),
                    { WasDeferred: true } => $"{message.Dataset}: another compute is running; queued again",
                    _ => $"{message.Dataset}: up to date",
                }];
            })).ExcludeFromDescription();

        return app;
    }

    private static async Task<IResult> InvokeAsync(
        HttpRequest request, string functionName, ILogger logger, Func<InvocationPayload, Task<IReadOnlyList<string>>> handle)
    {
        try
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            var payload = InvocationPayload.Parse(body.Length == 0 ? "{}" : body);
            var logs = await handle(payload);
            return TypedResults.Json(InvocationResult.Ok([.. logs]), statusCode: StatusCodes.Status200OK);
        }
#pragma warning disable CA1031 // Every failure must reach the host as a 500 so it retries; it is logged with its exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            InvocationLog.Failed(logger, e, functionName);
            return TypedResults.Json(
                InvocationResult.Ok($"{functionName} failed: {e.GetType().Name}: {e.Message}"), statusCode: StatusCodes.Status500InternalServerError);
        }
    }
}
