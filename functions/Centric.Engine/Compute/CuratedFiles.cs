using Centric.Domain.Exports;

namespace Centric.Engine.Compute;

/// <summary>
/// A dataset's curated Parquet files by export kind, as laid out in the <c>curated</c> container and in a local folder:
/// <c>{root}/{kind}/{ingestionId}.parquet</c>, the folder named by the kind's slug (<c>orders</c>, <c>fx-rates</c>).
/// </summary>
public sealed record CuratedFiles(IReadOnlyDictionary<string, IReadOnlyList<string>> ByKind)
{
    public IReadOnlyList<string> Of(ExportKind kind) => ByKind.TryGetValue(kind.ToSlug(), out var files) ? files : [];

    /// <summary>The export kinds with at least one curated file.</summary>
    public IReadOnlySet<ExportKind> Kinds =>
        ExportKinds.All.Where(k => Of(k).Count > 0).ToHashSet();

    public static CuratedFiles FromFolder(string root)
    {
        var byKind = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            foreach (var folder in Directory.EnumerateDirectories(root))
            {
                var files = Directory.EnumerateFiles(folder, "*.parquet").Order(StringComparer.Ordinal).ToArray();
                if (files.Length > 0)
                {
                    byKind[Path.GetFileName(folder)] = files;
                }
            }
        }

        return new CuratedFiles(byKind);
    }
}
