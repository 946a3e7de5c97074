using System.Globalization;
using Centric.Domain.Metrics;
using Centric.Domain.Snapshots;
using Centric.Storage.Datasets;
using Centric.Storage.Exports;
using Centric.Storage.Snapshots;

namespace Centric.Functions.Api;

/// <summary>The metric catalogue and a dataset's snapshot rows (JSON or CSV, paged, conditional).</summary>
internal static class MetricEndpoints
{
    public static RouteGroupBuilder MapMetrics(this RouteGroupBuilder api)
    {
        api.MapGet("/metrics", () => TypedResults.Ok(MetricCatalog.All.Select(m => new
        {
            m.Id,
            m.Title,
            Unit = m.Unit.ToString().ToLowerInvariant(),
            m.Definition,
            m.Presets,
            m.DefaultPreset,
            m.Version,
        }))).WithName("ListMetrics").WithSummary("The metric catalogue: id, title, unit, definition, presets, version.");

        api.MapGet("/datasets/{dataset}/metrics/{metric}", GetRowsAsync)
            .WithName("GetMetric").WithSummary("Snapshot rows of one metric for a dataset.");

        api.MapGet("/datasets/{dataset}/snapshot", GetSnapshotAsync)
            .WithName("GetSnapshot").WithSummary("Every metric for the latest month, segment * (one-call dashboard feed).");
        return api;
    }

    private static async Task<IResult> GetRowsAsync(
        string dataset, string metric, HttpContext context, DatasetRegistry datasets, SnapshotStore snapshots, CancellationToken cancellationToken)
    {
        if (MetricCatalog.Find(metric) is not { } definition)
        {
            return Problems.NotFound($"There is no metric '{metric}'. GET /api/metrics lists them.");
        }

        var (record, problem) = await CurrentAsync(dataset, datasets, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var parsed = MetricQueryParser.Parse(definition, context.Request.Query, record!.ChurnPreset, context.Request.Headers.Accept, out var error);
        if (error is not null)
        {
            return Problems.BadRequest(error);
        }

        if (Conditional.IsNotModified(context, record.CurrentGeneration + "-" + parsed.Format, record.ComputedAt))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var rows = (await ReadAsync(record, snapshots, parsed.Query, cancellationToken))
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
        return parsed.Format == "csv"
            ? TypedResults.Text(SnapshotCsv.Write(page), "text/csv; charset=utf-8")
            : TypedResults.Ok(page.ToList());
    }

    private static async Task<IResult> GetSnapshotAsync(
        string dataset, HttpContext context, DatasetRegistry datasets, SnapshotStore snapshots, CancellationToken cancellationToken)
    {
        var (record, problem) = await CurrentAsync(dataset, datasets, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (Conditional.IsNotModified(context, record!.CurrentGeneration + "-snapshot", record.ComputedAt))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var asOf = DateOnly.ParseExact(record.AsOf!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var monthStart = new DateOnly(asOf.Year, asOf.Month, 1);
        var rows = new List<SnapshotRow>();
        foreach (var metric in MetricCatalog.All)
        {
            rows.AddRange(await ReadAsync(record, snapshots, new SnapshotQuery(metric.Id, "month", monthStart, monthStart, "*", null), cancellationToken));
        }

        return TypedResults.Ok(rows);
    }

    /// <summary>The dataset's record when it has a published generation, else the problem to answer with.</summary>
    internal static async Task<(DatasetRecord? Record, IResult? Problem)> CurrentAsync(
        string dataset, DatasetRegistry datasets, CancellationToken cancellationToken)
    {
        if (!ExportPath.IsValidDatasetName(dataset))
        {
            return (null, Problems.BadRequest($"'{dataset}' is not a dataset name (letters, digits, '-' and '_', at most 63)."));
        }

        var record = await datasets.GetAsync(dataset, cancellationToken);
        if (record is null)
        {
            return (null, Problems.NotFound($"There is no dataset '{dataset}'. Drop an export into exports/{dataset}/{{kind}}/ to create it."));
        }

        return record.CurrentGeneration is null || record.AsOf is null
            ? (null, Problems.NotFound($"Dataset '{dataset}' has no computed metrics yet; its exports are being ingested."))
            : (record, null);
    }

    private static Task<IReadOnlyList<SnapshotRow>> ReadAsync(DatasetRecord record, SnapshotStore snapshots, SnapshotQuery query, CancellationToken cancellationToken) =>
        snapshots.ReadAsync(
            record.RowKey,
            record.CurrentGeneration!,
            record.ComputedAt ?? DateTimeOffset.MinValue,
            DateOnly.ParseExact(record.AsOf!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            query,
            cancellationToken);
}
