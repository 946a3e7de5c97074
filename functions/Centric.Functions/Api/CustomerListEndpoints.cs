using System.Globalization;
using Centric.Domain.Families.CustomerLists;
using Centric.Domain.Segments;
using Centric.Domain.Time;
using Centric.Functions.Api.OData;
using Centric.Functions.Api.Serving;
using Centric.Storage.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary>
/// <c>GET /api/datasets/{dataset}/metrics/{metric}/customers?period=&amp;segment=&amp;grain=&amp;format=</c>: the
/// customers behind a count (new, reactivated, churned, active customers) or an MRR movement of the current
/// generation, listed when the generation was computed, from the same pass that computed the value. The generation's
/// snapshot rows and lists are read from storage once and then served from memory (<see cref="ServedRows"/>); which
/// generation is current is <see cref="CurrentGenerations"/>' reading of the pointer.
/// </summary>
internal static class CustomerListEndpoints
{
    /// <summary>The parameters of the route, as the OpenAPI document describes them; any other is refused.</summary>
    private static readonly QueryParameter[] Parameters =
    [
        new("period", "Required: the period's label (2026-03, 2026-Q1, 2026, FY2027-Q1) or a day inside it (YYYY-MM-DD)."),
        new("grain", "month (default), quarter or year."),
        new("segment", "* (default) or one attribute:value (country:ES)."),
        new("format", "json (default) or csv; Accept: text/csv also chooses csv."),
    ];

    public static RouteGroupBuilder MapCustomerLists(this RouteGroupBuilder dataset)
    {
        dataset.MapGet("/metrics/{metric}/customers", GetAsync)
            .Takes(Parameters)
            .ProducesCsvToo()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetMetricCustomers")
            .WithSummary("The customers behind one period's count or MRR movement; the list's count or sum equals the metric's value.");
        return dataset;
    }

    private static async Task<Results<Ok<MetricCustomerList>, ContentHttpResult, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> GetAsync(
        string dataset,
        string metric,
        HttpContext context,
        CurrentGenerations generations,
        ServedRows served,
        CancellationToken cancellationToken)
    {
        if (!CustomerLists.Supports(metric))
        {
            return Problems.NotFound(
                $"Metric '{metric}' has no customer list. These metrics do: {string.Join(", ", CustomerLists.Metrics)}.");
        }

        var (published, problem) = PublishedDataset.From(dataset, await generations.RecordAsync(dataset, cancellationToken));
        if (published is null)
        {
            return problem!;
        }

        var query = context.Request.Query;
        var grain = Grain.Month;
        if (query.ContainsKey("grain") && !GrainNames.TryParse(query["grain"].ToString(), out grain))
        {
            return Problems.InvalidParameter("grain", $"grain '{query["grain"]}' is not one of month, quarter, year.");
        }

        var period = query["period"].ToString();
        if (string.IsNullOrWhiteSpace(period))
        {
            return Problems.InvalidParameter("period", "period is required: a period label such as 2026-03, 2026-Q1 or 2026 (FY2027-Q1 with a fiscal year), or a day inside it (YYYY-MM-DD).");
        }

        var segment = query.ContainsKey("segment") ? query["segment"].ToString() : SegmentKeys.All;
        if (!IsOneSegment(segment))
        {
            return Problems.InvalidParameter("segment", $"segment '{segment}' is not * or one attribute:value with both parts given (e.g. country:ES).");
        }

        var format = query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant()
            : context.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "json";
        if (format is not ("json" or "csv"))
        {
            return Problems.InvalidParameter("format", $"format '{format}' is not one of json, csv.");
        }

        // The metric's rows at the grain for the segment, without a preset, as the table holds them.
        var rows = (await served.SnapshotsAsync(published, published.Generation, cancellationToken))
            .Range(RowKeys.Prefix(metric, grain.ToName()), after: null, [new SnapshotCondition(SnapshotColumn.Segment, SnapshotComparison.Equal, segment)])
            .Where(r => string.IsNullOrEmpty(r.Preset))
            .ToArray();
        if (rows.Length == 0)
        {
            return segment == SegmentKeys.All
                ? Problems.NotFound($"Dataset '{dataset}' has no values of {metric}: its exports hold nothing that metric is computed from.")
                : Problems.InvalidParameter("segment", $"segment '{segment}' has no values of {metric} in dataset '{dataset}'.");
        }

        if (Find(rows, period) is not { } row)
        {
            var ordered = rows.OrderBy(r => r.PeriodStart).ToArray();
            return Problems.InvalidParameter(
                "period", $"period '{period}' is not a {grain.ToName()} of dataset '{dataset}': {ordered[0].Period} to {ordered[^1].Period}.");
        }

        if (Conditional.IsNotModified(context, published.Generation + "-customers-" + format, published.ComputedAt))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if ((await served.CustomerListsAsync(published, cancellationToken)).Lists is not { } lists)
        {
            return Problems.NotFound($"Dataset '{dataset}' was computed before customer lists were kept: recompute it to list customers.");
        }

        var listed = lists.Select(metric, grain.ToName(), row.Period, segment).OrderBy(r => r.CustomerId, StringComparer.Ordinal).ToArray();
        context.Response.Headers["X-Total-Count"] = listed.Length.ToString(CultureInfo.InvariantCulture);
        if (format == "csv")
        {
            return TypedResults.Text(CustomerLists.WriteCsv(listed), CsvResponses.ContentType);
        }

        var isCount = CustomerLists.CountMetrics.Contains(metric);
        return TypedResults.Ok(new MetricCustomerList(
            published.Name,
            metric,
            grain.ToName(),
            row.Period,
            row.PeriodStart,
            row.PeriodEnd,
            segment,
            published.Generation,
            published.AsOf,
            row.Value,
            isCount ? listed.Length : listed.Sum(r => r.Movement ?? 0m),
            listed.Length,
            [.. listed.Select(r => new MetricCustomer(r.CustomerId, r.Day, r.MrrBefore, r.MrrAfter, r.Movement, r.Subscriptions))]));
    }

    /// <summary>The row whose label is <paramref name="period"/>, else the one holding the day it names (YYYY-MM-DD or YYYY-MM).</summary>
    private static Snapshot? Find(IReadOnlyList<Snapshot> rows, string period)
    {
        if (rows.FirstOrDefault(r => string.Equals(r.Period, period, StringComparison.OrdinalIgnoreCase)) is { } labelled)
        {
            return labelled;
        }

        return DateOnly.TryParseExact(period, ["yyyy-MM-dd", "yyyy-MM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? rows.FirstOrDefault(r => r.PeriodStart <= day && day < r.PeriodEnd)
            : null;
    }

    /// <summary><c>*</c>, or one attribute and one value (not <c>*</c>) around the first colon.</summary>
    private static bool IsOneSegment(string segment)
    {
        if (segment == SegmentKeys.All)
        {
            return true;
        }

        var colon = segment.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < segment.Length - 1 && segment[(colon + 1)..] != "*"
            && !string.IsNullOrWhiteSpace(segment[..colon]) && !string.IsNullOrWhiteSpace(segment[(colon + 1)..]);
    }
}
