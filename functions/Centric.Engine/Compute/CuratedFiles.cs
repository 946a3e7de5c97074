using Centric.Domain.Exports;
using Centric.Engine.DuckDb;

namespace Centric.Engine.Compute;

/// <summary>
/// A dataset's curated Parquet files by export kind, as laid out in the <c>curated</c> container and in a local folder:
/// <c>{root}/{kind}/{ingestionId}.parquet</c>, the folder named by the kind's slug (<c>orders</c>, <c>fx-rates</c>).
/// </summary>
public sealed record CuratedFiles(IReadOnlyDictionary<string, IReadOnlyList<string>> ByKind)
{
    public IReadOnlyList<string> Of(ExportKind kind) => ByKind.TryGetValue(kind.ToSlug(), out var files) ? files : [];

    /// <summary>
    /// The kinds whose rows were found to have no natural key twice across all their files (<see cref="WithKeysChecked"/>):
    /// every row is current, and the rows are read without looking for the latest row of each key.
    /// </summary>
    public IReadOnlySet<ExportKind> KeysUnique { get; init; } = new HashSet<ExportKind>();

    /// <summary>
    /// These files with <see cref="KeysUnique"/> found by counting each kind's repeated keys once, so that the many
    /// reads of a compute skip the partition and sort that corrections need when there are none.
    /// </summary>
    public CuratedFiles WithKeysChecked(DuckDbSession db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return this with { KeysUnique = CurrentRows.KindsWithUniqueKeys(db, this) };
    }

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
