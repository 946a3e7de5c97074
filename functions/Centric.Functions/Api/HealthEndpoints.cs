using Azure;
using Centric.Storage.Connection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary><c>GET /api/health</c>: 200 when blob, queue and table storage answer, 503 otherwise.</summary>
internal static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealth(this RouteGroupBuilder api)
    {
        api.MapGet("/health", GetAsync)
            .Takes()
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .WithName("Health").WithSummary("Component status.");
        return api;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetAsync(
        StorageClients clients, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        // Probed at once, so an unreachable account answers within one timeout, not three.
        var blob = ProbeAsync(() => clients.Blobs.GetBlobContainerClient(clients.Names.Exports).ExistsAsync(timeout.Token));
        var queue = ProbeAsync(() => clients.Queues.GetQueueClient(clients.Names.IngestQueue).ExistsAsync(timeout.Token));
        var table = ProbeAsync(async () => await clients.Tables.GetTableClient(clients.Names.DatasetsTable)
            .QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, cancellationToken: timeout.Token).AsPages().FirstOrDefaultAsync(timeout.Token));
        var components = new Dictionary<string, string>
        {
            ["blob"] = await blob,
            ["queue"] = await queue,
            ["table"] = await table,
        };
        if (components.Values.All(v => v == "healthy"))
        {
            return TypedResults.Ok(new HealthReport("healthy", components));
        }

        return TypedResults.Json(new HealthReport("unhealthy", components), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<string> ProbeAsync<T>(Func<Task<T>> probe)
    {
        try
        {
            await probe();
            return "healthy";
        }
        catch (RequestFailedException e)
        {
            return $"unhealthy: status {e.Status}";
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or AggregateException)
        {
            return "unhealthy: no answer";
        }
    }
}
