using System.Text.Json.Nodes;
using Centric.Storage.Datasets;
using Centric.Storage.Scores;

namespace Centric.Functions.Api;

/// <summary>
/// Predictive CLV per customer (<c>/customers/{customerId}</c>) and the fit behind it (<c>/clv</c>: model, parameters,
/// statuses and the calibration/holdout check).
/// </summary>
internal static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets/{dataset}/customers/{customerId}", async Task<IResult> (
            string dataset, string customerId, HttpContext context, DatasetRegistry datasets, ScoresStore scores, CancellationToken cancellationToken) =>
        {
            var (record, problem) = await MetricEndpoints.CurrentAsync(dataset, datasets, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            if (Conditional.IsNotModified(context, record!.CurrentGeneration + "-customer", record.ComputedAt))
            {
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }

            var score = await scores.FindAsync(dataset, record.CurrentGeneration!, customerId, cancellationToken);
            return score is null
                ? Problems.NotFound($"Dataset '{dataset}' has no purchases by customer '{customerId}' up to {record.AsOf}.")
                : TypedResults.Ok(new
                {
                    Dataset = dataset,
                    score.CustomerId,
                    Clv = score.Clv,
                    PAlive = score.PAlive,
                    score.ExpectedPurchases,
                    score.ExpectedSpend,
                    Segment = score.Tier is null ? null : "clv-tier:" + score.Tier,
                    score.Tier,
                    Summary = new { score.Frequency, score.Recency, score.Age, score.MonetaryValue, TimeUnit = "week" },
                    Generation = record.CurrentGeneration,
                    record.AsOf,
                    Currency = record.ReportingCurrency,
                });
        }).WithName("GetCustomer").WithSummary("A customer's predicted CLV, P(alive), expected purchases and CLV tier.");

        api.MapGet("/datasets/{dataset}/clv", async Task<IResult> (string dataset, DatasetRegistry datasets, CancellationToken cancellationToken) =>
        {
            var (record, problem) = await MetricEndpoints.CurrentAsync(dataset, datasets, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            return record!.Clv is null
                ? Problems.NotFound($"Dataset '{dataset}' has no predictive CLV fit (no purchases).")
                : TypedResults.Ok(new { Dataset = dataset, Generation = record.CurrentGeneration, record.AsOf, Fit = JsonNode.Parse(record.Clv) });
        }).WithName("GetClvFit").WithSummary("The predictive CLV fit: model, parameters, fit status and holdout check.");
        return api;
    }
}
