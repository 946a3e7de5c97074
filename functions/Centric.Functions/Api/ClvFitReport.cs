using System.Text.Json.Nodes;

namespace Centric.Functions.Api;

/// <summary>
/// <c>GET /api/datasets/{dataset}/clv</c>: the predictive CLV fit of the current generation (model, parameters, fit
/// status and holdout check), as the computation recorded it.
/// </summary>
public sealed record ClvFitReport(string Dataset, string Generation, DateOnly AsOf, JsonNode? Fit);
