namespace Centric.Domain.Exports;

/// <summary>
/// A dataset's explicit mapping (<c>mapping.json</c>): per export kind, source header to canonical column
/// (<see cref="Columns"/>) and, per canonical column, source value to canonical value (<see cref="Values"/>, applied to
/// a cell before it is validated, e.g. status <c>Entregado parcial</c> → <c>completed</c>). It is chosen for a file only
/// once the file's kind is known — from its folder, its name or its header — so a top-level <c>orders_2026.csv</c> gets
/// the orders mapping wherever it is ingested.
/// </summary>
public sealed record DatasetMapping(
    IReadOnlyDictionary<ExportKind, IReadOnlyDictionary<string, string>> Columns,
    IReadOnlyDictionary<ExportKind, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>? Values = null)
{
    public static DatasetMapping None { get; } = new(new Dictionary<ExportKind, IReadOnlyDictionary<string, string>>());

    /// <summary>The mapping of <paramref name="kind"/>'s columns; null when mapping.json says nothing of that kind.</summary>
    public IReadOnlyDictionary<string, string>? ColumnsOf(ExportKind kind) => Columns.GetValueOrDefault(kind);

    /// <summary>
    /// Per canonical column of <paramref name="kind"/>, source value to canonical value; null when mapping.json maps no
    /// value of that kind.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? ValuesOf(ExportKind kind) => Values?.GetValueOrDefault(kind);

    /// <summary>
    /// A stable text of the whole mapping, for fingerprints: kinds, headers and values in ordinal order. A mapping without
    /// values describes itself as it always did, so adding the values form re-ingests only datasets that use it.
    /// </summary>
    public string Describe()
    {
        var columns = string.Join(';', Columns.OrderBy(k => k.Key.ToSlug(), StringComparer.Ordinal).Select(k =>
            k.Key.ToSlug() + "=" + string.Join(',', k.Value.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ">" + e.Value))));
        var values = Values is null ? [] : Values
            .Where(k => k.Value.Count > 0)
            .OrderBy(k => k.Key.ToSlug(), StringComparer.Ordinal)
            .Select(k => k.Key.ToSlug() + "=" + string.Join(',', k.Value.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
                c.Key + ":" + string.Join('|', c.Value.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ">" + e.Value)))))
            .ToArray();
        return values.Length == 0 ? columns : columns + "#values:" + string.Join(';', values);
    }
}
