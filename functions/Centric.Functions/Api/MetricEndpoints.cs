using System.Globalization;
using Centric.Domain.Metrics;
using Centric.Domain.Snapshots;
using Centric.Storage.Datasets;
using Centric.Storage.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary><c>GET /api/datasets/{dataset}/metrics/{metric}</c>: a metric's snapshot rows (JSON or CSV, paged, conditional).</summary>
internal static class MetricEndpoints
{
    public static RouteGroupBuilder MapMetricRows(this RouteGroupBuilder dataset)
    {
        dataset.MapGet("/metrics/{metric}", GetRowsAsync)
            .ProducesCsvToo()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetMetric").WithSummary("Snapshot rows of one metric for a dataset.");
        return dataset;
    }

    private static async Task<Results<Ok<SnapshotRow[]>, ContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetRowsAsync(
        string dataset, string metric, HttpContext context, DatasetRegistry datasets, SnapshotStore snapshots, CancellationToken cancellationToken)
    {
        if (MetricCatalog.Find(metric) is not { } definition)
        {
            return Problems.NotFound($"There is no metric '{metric}'. GET /api/metrics lists them.");
        }

        var (published, problem) = await PublishedDataset.FindAsync(dataset, datasets, cancellationToken);
        if (published is null)
        {
            return problem!;
        }

        var parsed = MetricQueryParser.Parse(definition, context.Request.Query, published.Record.ChurnPreset, context.Request.Headers.Accept, out var error);
        if (error is not null)
        {
            return Problems.BadRequest(error);
        }

        if (Conditional.IsNotModified(context, published.Generation + "-" + parsed.Format, published.ComputedAt))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var rows = (await ReadAsync(published, snapshots, parsed.Query, cancellationToken))
            .OrderBy(r => r.PeriodStart).ThenBy(r => r.Segment, StringComparer.Ordinal).ThenBy(r => r.Preset, StringComparer.Ordinal)
            .ToList();
        if (parsed.Skip + parsed.Top < rows.Count)
        {
            var next = QueryString.Create(context.Request.Query
                .Where(q => q.Key is not ("skip" or "top"))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new("skip", (parsed.Skip + parsed.Top).ToString(CultureInfo.InvariantCulture)))
                .Append(new("top", parsed.Top.ToString(CultureInfo.InvariantCulture))));
            context.Response.Headers.Link = $"<{context.Request.PathBase}{context.Request.Path}{next}>; rel=\"next\"";
        }

        context.Response.Headers["X-Total-Count"] = rows.Count.ToString(CultureInfo.InvariantCulture);
        var page = rows.Skip(parsed.Skip).Take(parsed.Top);
        if (parsed.Format == "csv")
        {
            return TypedResults.Text(SnapshotCsv.Write(page), CsvResponses.ContentType);
        }

        return TypedResults.Ok(page.ToArray());
    }

    private static Task<IReadOnlyList<SnapshotRow>> ReadAsync(
        PublishedDataset published, SnapshotStore snapshots, SnapshotQuery query, CancellationToken cancellationToken) =>
        snapshots.ReadAsync(
            published.Name, published.Generation, published.ComputedAt ?? DateTimeOffset.MinValue, published.AsOf, query, cancellationToken);
}
