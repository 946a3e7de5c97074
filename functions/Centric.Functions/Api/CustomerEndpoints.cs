using System.Text.Json.Nodes;
using Centric.Functions.Api.Serving;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary>
/// Predictive CLV per customer (<c>/customers/{customerId}</c>) and the fit behind it (<c>/clv</c>: model, parameters,
/// statuses and the calibration/holdout check), and how customers spread over P(alive) (<c>/clv/p-alive</c>).
/// </summary>
internal static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder dataset)
    {
        dataset.MapGet("/customers/{customerId}", GetCustomerAsync)
            .Takes()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCustomer").WithSummary("A customer's predicted CLV, P(alive), expected purchases and CLV tier.");

        dataset.MapGet("/clv", GetClvFitAsync)
            .Takes()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetClvFit").WithSummary("The predictive CLV fit: model, parameters, fit status and holdout check.");

        dataset.MapGet("/clv/p-alive", GetPAliveDistributionAsync)
            .Takes()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetPAliveDistribution").WithSummary("Customers per P(alive) decile, split by CLV tier.");
        return dataset;
    }

    private static async Task<Results<Ok<CustomerScore>, StatusCodeHttpResult, ProblemHttpResult>> GetCustomerAsync(
        string dataset, string customerId, HttpContext context, CurrentGenerations generations, ServedRows rows, CancellationToken cancellationToken)
    {
        var (published, problem) = PublishedDataset.From(dataset, await generations.RecordAsync(dataset, cancellationToken));
        if (published is null)
        {
            return problem!;
        }

        if (Conditional.IsNotModified(context, published.Generation + "-customer", published.ComputedAt))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        // The generation's scores are read once and then looked up in memory.
        if (!(await rows.CustomersAsync(published, cancellationToken)).ById.TryGetValue(customerId, out var score))
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
        string dataset, CurrentGenerations generations, CancellationToken cancellationToken)
    {
        var (published, problem) = PublishedDataset.From(dataset, await generations.RecordAsync(dataset, cancellationToken));
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

    private const int PAliveBins = 10;

    private static async Task<Results<Ok<PAliveDistribution>, StatusCodeHttpResult, ProblemHttpResult>> GetPAliveDistributionAsync(
        string dataset, HttpContext context, CurrentGenerations generations, ServedRows rows, CancellationToken cancellationToken)
    {
        var (published, problem) = PublishedDataset.From(dataset, await generations.RecordAsync(dataset, cancellationToken));
        if (published is null)
        {
            return problem!;
        }

        if (Conditional.IsNotModified(context, published.Generation + "-p-alive", published.ComputedAt))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var counts = (await rows.PAliveAsync(published, PAliveBins, cancellationToken)).Counts;
        if (counts is null)
        {
            return Problems.NotFound($"Dataset '{dataset}' has no customer scores (no purchases up to {published.AsOf:yyyy-MM-dd}).");
        }

        var bins = Enumerable.Range(0, PAliveBins).Select(bin =>
        {
            var inBin = counts.Where(c => c.Bin == bin).ToArray();
            return new PAliveBin(
                Math.Round((double)bin / PAliveBins, 4),
                Math.Round((double)(bin + 1) / PAliveBins, 4),
                inBin.Sum(c => c.Customers),
                inBin.Where(c => c.Tier is not null).ToDictionary(c => c.Tier!, c => c.Customers, StringComparer.Ordinal));
        }).ToArray();
        return TypedResults.Ok(new PAliveDistribution(dataset, published.Generation, published.AsOf, bins.Sum(b => b.Customers), bins));
    }
}
