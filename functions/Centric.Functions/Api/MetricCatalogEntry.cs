namespace Centric.Functions.Api;

/// <summary>A metric in <c>GET /api/metrics</c>: id, title, unit, definition text, presets and definition version.</summary>
public sealed record MetricCatalogEntry(
    string Id,
    string Title,
    string Unit,
    string Definition,
    IReadOnlyList<string> Presets,
    string? DefaultPreset,
    int Version);
