using System.Globalization;
using System.Text;
using System.Text.Json;
using Centric.Functions.Api.Serving;
using Centric.Domain.Metrics;
using Centric.Domain.Snapshots;
using Centric.Storage.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Centric.Functions.Api;

/// <summary><c>GET /api/datasets/{dataset}/metrics/{metric}</c>: a metric's snapshot rows (JSON or CSV, paged, conditional).</summary>
internal static class MetricEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static RouteGroupBuilder MapMetricRows(this RouteGroupBuilder dataset)
    {
        dataset.MapGet("/metrics/{metric}", GetRowsAsync)
            .Takes(MetricQueryParser.Parameters)
            .ProducesCsvToo()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetMetric").WithSummary("Snapshot rows of one metric for a dataset.");
        return dataset;
    }

    /// <remarks>
    /// The 200 answers are described by <see cref="Ok{T}"/> (JSON) and <see cref="ContentHttpResult"/> (CSV) and written
    /// as <see cref="CachedAnswerResult"/>: the bytes are serialised once per generation and query and kept in
    /// <see cref="CurrentGenerations"/>, so a repeated read touches neither storage nor the serialiser.
    /// </remarks>
    private static async Task<Results<Ok<SnapshotRow[]>, ContentHttpResult, CachedAnswerResult, StatusCodeHttpResult, ProblemHttpResult>> GetRowsAsync(
        string dataset, string metric, HttpContext context, CurrentGenerations generations, SnapshotStore snapshots,
        IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (MetricCatalog.Find(metric) is not { } definition)
        {
            return Problems.NotFound($"There is no metric '{metric}'. GET /api/metrics lists them.");
        }

        var (published, problem) = PublishedDataset.From(dataset, await generations.RecordAsync(dataset, cancellationToken));
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

        var key = new AnswerKey(
            published.Name, published.Generation, published.Record.ChurnPreset, definition.Id, parsed.Format, context.Request.QueryString.Value ?? "");
        if (generations.Answer(key) is not { } answer)
        {
            answer = await AnswerAsync(published, snapshots, parsed, context, json.Value.SerializerOptions, cancellationToken);
            generations.Keep(key, answer);
        }

        return new CachedAnswerResult(answer);
    }

    private static async Task<CachedAnswer> AnswerAsync(
        PublishedDataset published, SnapshotStore snapshots, MetricQueryParser.Parsed parsed, HttpContext context, JsonSerializerOptions json,
        CancellationToken cancellationToken)
    {
        var rows = (await ReadAsync(published, snapshots, parsed.Query, cancellationToken))
            .OrderBy(r => r.PeriodStart).ThenBy(r => r.Segment, StringComparer.Ordinal).ThenBy(r => r.Preset, StringComparer.Ordinal)
            .ToList();
        string? link = null;
        if (parsed.Skip + parsed.Top < rows.Count)
        {
            var next = QueryString.Create(context.Request.Query
                .Where(q => q.Key is not ("skip" or "top"))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new("skip", (parsed.Skip + parsed.Top).ToString(CultureInfo.InvariantCulture)))
                .Append(new("top", parsed.Top.ToString(CultureInfo.InvariantCulture))));
            link = $"<{context.Request.PathBase}{context.Request.Path}{next}>; rel=\"next\"";
        }

        var total = rows.Count.ToString(CultureInfo.InvariantCulture);
        var page = rows.Skip(parsed.Skip).Take(parsed.Top);
        return parsed.Format == "csv"
            ? new CachedAnswer(Encoding.UTF8.GetBytes(SnapshotCsv.Write(page)), CsvResponses.ContentType, total, link)
            : new CachedAnswer(
                JsonSerializer.SerializeToUtf8Bytes(page.ToArray(), json.GetTypeInfo(typeof(SnapshotRow[]))), JsonContentType, total, link);
    }

    private static Task<IReadOnlyList<SnapshotRow>> ReadAsync(
        PublishedDataset published, SnapshotStore snapshots, SnapshotQuery query, CancellationToken cancellationToken) =>
        snapshots.ReadAsync(
            published.Name, published.Generation, published.ComputedAt ?? DateTimeOffset.MinValue, published.AsOf, query, cancellationToken);
}
