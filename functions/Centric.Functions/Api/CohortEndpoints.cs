using Centric.Domain.Families.Cohorts;
using Centric.Storage.Datasets;
using Centric.Storage.Scores;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary>
/// <c>GET /api/datasets/{dataset}/cohorts</c>: the cohort retention matrix (percent of each first-purchase month's
/// customers buying again k months later), as JSON rows per cohort or as CSV cells (<c>format=csv</c>).
/// </summary>
internal static class CohortEndpoints
{
    public static RouteGroupBuilder MapCohorts(this RouteGroupBuilder dataset)
    {
        dataset.MapGet("/cohorts", GetAsync)
            .ProducesCsvToo()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCohorts").WithSummary("Cohort retention matrix: cohort = month of first purchase.");
        return dataset;
    }

    private static async Task<Results<Ok<CohortMatrix>, ContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        string dataset, HttpContext context, DatasetRegistry datasets, ScoresStore scores, CancellationToken cancellationToken)
    {
        var (published, problem) = await PublishedDataset.FindAsync(dataset, datasets, cancellationToken);
        if (published is null)
        {
            return problem!;
        }

        var format = context.Request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "json";
        if (format is not ("json" or "csv"))
        {
            return Problems.BadRequest($"format '{format}' is not one of json, csv.");
        }

        if (Conditional.IsNotModified(context, published.Generation + "-cohorts-" + format, published.ComputedAt))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var cells = await scores.ReadCohortsAsync(published.Name, published.Generation, cancellationToken) ?? [];
        if (format == "csv")
        {
            return TypedResults.Text(CohortCsv.Write(cells), CsvResponses.ContentType);
        }

        var cohorts = cells.GroupBy(c => (c.Cohort, c.CohortStart, c.CohortSize))
            .Select(g => new CohortRow(
                g.Key.Cohort,
                g.Key.CohortStart,
                g.Key.CohortSize,
                [.. g.Select(c => new CohortMonth(c.MonthsAfter, c.Customers, c.Value, c.Partial))]))
            .ToArray();
        return TypedResults.Ok(new CohortMatrix(
            dataset, CohortRetention.MetricId, "percent", CohortRetention.DefinitionVersion, published.Generation, published.AsOf, cohorts));
    }
}
