using System.Text.Json;
using Centric.Domain.Metrics;
using Centric.Domain.Snapshots;
using Centric.Domain.Time;
using Centric.Functions.Api.Serving;
using Centric.Storage.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Centric.Functions.Api;

/// <summary>
/// <c>GET /api/datasets/{dataset}/snapshot</c>, the one-call dashboard feed: every metric's rows for the month of the
/// as-of date, all customers (segment <c>*</c>), every preset, read from the current generation in one table query.
/// The generation comes from <see cref="CurrentGenerations"/> and the serialised answer is kept there per generation,
/// as the metric route's are, so a repeated read touches neither storage nor the serialiser.
/// </summary>
internal static class SnapshotEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The answer's name among a generation's kept answers (no metric id has a slash).</summary>
    private const string Route = "/snapshot";

    private static readonly Dictionary<string, int> CatalogOrder =
        MetricCatalog.All.Select((m, i) => (m.Id, i)).ToDictionary(m => m.Id, m => m.i, StringComparer.Ordinal);

    public static RouteGroupBuilder MapSnapshot(this RouteGroupBuilder dataset)
    {
        dataset.MapGet("/snapshot", GetAsync)
            .Takes()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetSnapshot").WithSummary("Every metric for the latest month, segment * (one-call dashboard feed).");
        return dataset;
    }

    /// <remarks>The 200 answer is described by <see cref="Ok{T}"/> and written as <see cref="CachedAnswerResult"/>.</remarks>
    private static async Task<Results<Ok<SnapshotRow[]>, CachedAnswerResult, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        string dataset, HttpContext context, CurrentGenerations generations, SnapshotStore snapshots, IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var (published, problem) = PublishedDataset.From(dataset, await generations.RecordAsync(dataset, cancellationToken));
        if (published is null)
        {
            return problem!;
        }

        if (Conditional.IsNotModified(context, published.Generation + "-snapshot", published.ComputedAt))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var key = new AnswerKey(published.Name, published.Generation, published.Record.ChurnPreset, Route, "json", "");
        if (generations.Answer(key) is not { } answer)
        {
            var month = new DateOnly(published.AsOf.Year, published.AsOf.Month, 1);
            var rows = await snapshots.ReadPeriodAsync(
                published.Name, published.Generation, published.ComputedAt ?? DateTimeOffset.MinValue, published.AsOf,
                Grain.Month.ToName(), month, "*", cancellationToken);

            // Catalogue order, then key order within a metric: the order the dashboard has always received.
            var ordered = rows.Where(r => CatalogOrder.ContainsKey(r.Metric)).OrderBy(r => CatalogOrder[r.Metric]).ToArray();
            answer = new CachedAnswer(
                JsonSerializer.SerializeToUtf8Bytes(ordered, json.Value.SerializerOptions.GetTypeInfo(typeof(SnapshotRow[]))),
                JsonContentType, TotalCount: null, Link: null);
            generations.Keep(key, answer);
        }

        return new CachedAnswerResult(answer);
    }
}
