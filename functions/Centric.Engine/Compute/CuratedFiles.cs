namespace Centric.Engine.Compute;

/// <summary>
/// A dataset's curated Parquet files by export kind (<c>orders</c>, <c>customers</c>, <c>fx-rates</c>, ...), as laid
/// out in the <c>curated</c> container and in a local folder: <c>{root}/{kind}/{ingestionId}.parquet</c>.
/// </summary>
public sealed record CuratedFiles(IReadOnlyDictionary<string, IReadOnlyList<string>> ByKind)
{
    public IReadOnlyList<string> Of(string kind) => ByKind.TryGetValue(kind, out var files) ? files : [];

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
