using System.Text.Json.Nodes;
using Centric.Storage.Datasets;
using Centric.Storage.Scores;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary>
/// Predictive CLV per customer (<c>/customers/{customerId}</c>) and the fit behind it (<c>/clv</c>: model, parameters,
/// statuses and the calibration/holdout check).
/// </summary>
internal static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder dataset)
    {
        dataset.MapGet("/customers/{customerId}", GetCustomerAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCustomer").WithSummary("A customer's predicted CLV, P(alive), expected purchases and CLV tier.");

        dataset.MapGet("/clv", GetClvFitAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetClvFit").WithSummary("The predictive CLV fit: model, parameters, fit status and holdout check.");
        return dataset;
    }

    private static async Task<Results<Ok<CustomerScore>, StatusCodeHttpResult, ProblemHttpResult>> GetCustomerAsync(
        string dataset, string customerId, HttpContext context, DatasetRegistry datasets, ScoresStore scores, CancellationToken cancellationToken)
    {
        var (published, problem) = await PublishedDataset.FindAsync(dataset, datasets, cancellationToken);
        if (published is null)
        {
            return problem!;
        }

        if (Conditional.IsNotModified(context, published.Generation + "-customer", published.ComputedAt))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var score = await scores.FindAsync(published.Name, published.Generation, customerId, cancellationToken);
        if (score is null)
        {
            return Problems.NotFound($"Dataset '{dataset}' has no purchases by customer '{customerId}' up to {published.AsOf:yyyy-MM-dd}.");
        }

        return TypedResults.Ok(new CustomerScore(
            dataset,
            score.CustomerId,
            score.Clv,
            score.PAlive,
            score.ExpectedPurchases,
            score.ExpectedSpend,
            score.Tier is null ? null : "clv-tier:" + score.Tier,
            score.Tier,
            new CustomerSummary(score.Frequency, score.Recency, score.Age, score.MonetaryValue, "week"),
            published.Generation,
            published.AsOf,
            published.Record.ReportingCurrency));
    }

    private static async Task<Results<Ok<ClvFitReport>, ProblemHttpResult>> GetClvFitAsync(
        string dataset, DatasetRegistry datasets, CancellationToken cancellationToken)
    {
        var (published, problem) = await PublishedDataset.FindAsync(dataset, datasets, cancellationToken);
        if (published is null)
        {
            return problem!;
        }

        if (published.Record.Clv is not { } fit)
        {
            return Problems.NotFound($"Dataset '{dataset}' has no predictive CLV fit (no purchases).");
        }

        return TypedResults.Ok(new ClvFitReport(dataset, published.Generation, published.AsOf, JsonNode.Parse(fit)));
    }
}
