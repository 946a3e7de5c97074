namespace Centric.Functions.Api;

/// <summary><c>GET /api/datasets/{dataset}/cohorts</c>: the retention matrix, one row per first-purchase month.</summary>
public sealed record CohortMatrix(
    string Dataset,
    string Metric,
    string Unit,
    int DefinitionVersion,
    string Generation,
    DateOnly AsOf,
    IReadOnlyList<CohortRow> Cohorts);
