using Centric.Domain.Families;

namespace Centric.Domain.Metrics;

/// <summary>Every metric Centric computes, with its definition text and version: the definitions of every metric family.</summary>
public static class MetricCatalog
{
    public static IReadOnlyList<MetricDefinition> All { get; } = [.. MetricFamilies.All.SelectMany(f => f.Definitions)];

    private static readonly Dictionary<string, MetricDefinition> ById =
        All.ToDictionary(m => m.Id, StringComparer.Ordinal);

    public static MetricDefinition? Find(string id) => ById.GetValueOrDefault(id);
}
