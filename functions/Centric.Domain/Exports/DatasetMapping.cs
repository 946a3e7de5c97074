namespace Centric.Domain.Exports;

/// <summary>
/// A dataset's explicit header mapping (<c>mapping.json</c>): per export kind, source header to canonical column. It is
/// chosen for a file only once the file's kind is known — from its folder, its name or its header — so a top-level
/// <c>orders_2026.csv</c> gets the orders mapping wherever it is ingested.
/// </summary>
public sealed record DatasetMapping(IReadOnlyDictionary<ExportKind, IReadOnlyDictionary<string, string>> Columns)
{
    public static DatasetMapping None { get; } = new(new Dictionary<ExportKind, IReadOnlyDictionary<string, string>>());

    /// <summary>The mapping of <paramref name="kind"/>'s columns; null when mapping.json says nothing of that kind.</summary>
    public IReadOnlyDictionary<string, string>? ColumnsOf(ExportKind kind) => Columns.GetValueOrDefault(kind);

    /// <summary>A stable text of the whole mapping, for fingerprints: kinds and headers in ordinal order.</summary>
    public string Describe() =>
        string.Join(';', Columns.OrderBy(k => k.Key.ToSlug(), StringComparer.Ordinal).Select(k =>
            k.Key.ToSlug() + "=" + string.Join(',', k.Value.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ">" + e.Value))));
}
