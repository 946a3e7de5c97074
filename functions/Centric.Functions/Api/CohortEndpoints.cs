using Centric.Domain.Families.Cohorts;
using Centric.Storage.Datasets;
using Centric.Storage.Scores;

namespace Centric.Functions.Api;

/// <summary>
/// <c>GET /api/datasets/{dataset}/cohorts</c>: the cohort retention matrix (percent of each first-purchase month's
/// customers buying again k months later), as JSON rows per cohort or as CSV cells (<c>format=csv</c>).
/// </summary>
internal static class CohortEndpoints
{
    public static RouteGroupBuilder MapCohorts(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets/{dataset}/cohorts", async Task<IResult> (
            string dataset, HttpContext context, DatasetRegistry datasets, ScoresStore scores, CancellationToken cancellationToken) =>
        {
            var (record, problem) = await MetricEndpoints.CurrentAsync(dataset, datasets, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            var format = context.Request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "json";
            if (format is not ("json" or "csv"))
            {
                return Problems.BadRequest($"format '{format}' is not one of json, csv.");
            }

            if (Conditional.IsNotModified(context, record!.CurrentGeneration + "-cohorts-" + format, record.ComputedAt))
            {
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }

            var cells = await scores.ReadCohortsAsync(dataset, record.CurrentGeneration!, cancellationToken) ?? [];
            if (format == "csv")
            {
                return TypedResults.Text(CohortCsv.Write(cells), "text/csv; charset=utf-8");
            }

            return TypedResults.Ok(new
            {
                Dataset = dataset,
                Metric = CohortRetention.MetricId,
                Unit = "percent",
                CohortRetention.DefinitionVersion,
                Generation = record.CurrentGeneration,
                record.AsOf,
                Cohorts = cells.GroupBy(c => (c.Cohort, c.CohortStart, c.CohortSize)).Select(g => new
                {
                    g.Key.Cohort,
                    g.Key.CohortStart,
                    Size = g.Key.CohortSize,
                    Months = g.Select(c => new { c.MonthsAfter, c.Customers, c.Value, c.Partial }),
                }),
            });
        }).WithName("GetCohorts").WithSummary("Cohort retention matrix: cohort = month of first purchase.");
        return api;
    }
}
