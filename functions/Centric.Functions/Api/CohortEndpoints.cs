using System.Text;
using System.Text.Json;
using Centric.Domain.Families.Cohorts;
using Centric.Functions.Api.Serving;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

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
            .Takes(new QueryParameter("format", "json (default) or csv: one line per cell (cohort, cohortStart, monthsAfter, customers, cohortSize, value, partial)."))
            .ProducesCsvToo()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCohorts").WithSummary("Cohort retention matrix: cohort = month of first purchase.");
        return dataset;
    }

    /// <remarks>
    /// The 200 answers are described by <see cref="Ok{T}"/> (JSON) and <see cref="ContentHttpResult"/> (CSV) and written
    /// as <see cref="CachedAnswerResult"/>: the cells are read once per generation (<see cref="ServedRows"/>) and each
    /// format's bytes are kept in <see cref="CurrentGenerations"/>, so a repeated read touches neither storage nor the serialiser.
    /// </remarks>
    private static async Task<Results<Ok<CohortMatrix>, ContentHttpResult, CachedAnswerResult, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        string dataset, HttpContext context, CurrentGenerations generations, ServedRows rows, IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var (published, problem) = PublishedDataset.From(dataset, await generations.RecordAsync(dataset, cancellationToken));
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

        // The answer depends on the generation and the format only.
        var key = new AnswerKey(published.Name, published.Generation, null, "/cohorts", format, "");
        if (generations.Answer(key) is not { } answer)
        {
            var cells = (await rows.CohortsAsync(published, cancellationToken)).Cells ?? [];
            answer = format == "csv"
                ? new CachedAnswer(Encoding.UTF8.GetBytes(CohortCsv.Write(cells)), CsvResponses.ContentType, null, null)
                : new CachedAnswer(
                    JsonSerializer.SerializeToUtf8Bytes(Matrix(dataset, published, cells), json.Value.SerializerOptions.GetTypeInfo(typeof(CohortMatrix))),
                    "application/json; charset=utf-8", null, null);
            generations.Keep(key, answer);
        }

        return new CachedAnswerResult(answer);
    }

    private static CohortMatrix Matrix(string dataset, PublishedDataset published, IReadOnlyList<CohortCell> cells)
    {
        var cohorts = cells.GroupBy(c => (c.Cohort, c.CohortStart, c.CohortSize))
            .Select(g => new CohortRow(
                g.Key.Cohort,
                g.Key.CohortStart,
                g.Key.CohortSize,
                [.. g.Select(c => new CohortMonth(c.MonthsAfter, c.Customers, c.Value, c.Partial))]))
            .ToArray();
        return new CohortMatrix(
            dataset, CohortRetention.MetricId, "percent", CohortRetention.DefinitionVersion, published.Generation, published.AsOf, cohorts);
    }
}
