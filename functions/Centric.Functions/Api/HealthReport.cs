namespace Centric.Functions.Api;

/// <summary><c>GET /api/health</c>: <c>healthy</c> or <c>unhealthy</c>, and each storage component's status.</summary>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Components);
