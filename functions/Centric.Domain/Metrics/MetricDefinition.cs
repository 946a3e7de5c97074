namespace Centric.Domain.Metrics;

/// <summary>
/// A metric of the catalogue: its id (kebab-case, public), title, unit, definition text (docs/metrics.md), named presets
/// where the industry disagrees (the first is the default) and the definition version, bumped whenever the formula
/// changes so old snapshots stay explainable.
/// </summary>
public sealed record MetricDefinition(
    string Id,
    string Title,
    MetricUnit Unit,
    string Definition,
    int Version,
    IReadOnlyList<string> Presets)
{
    public string? DefaultPreset => Presets.Count > 0 ? Presets[0] : null;
}
