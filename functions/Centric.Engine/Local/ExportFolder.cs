using Centric.Domain.Exports;

namespace Centric.Engine.Local;

/// <summary>
/// Finds the export files of a local dataset folder laid out like the <c>exports</c> container:
/// <c>{kind}/*.csv|xlsx</c> and kind-prefixed (or header-identified) files at the top level. Files are returned in
/// ingestion order: by relative path, ordinal, so a later file's correction wins.
/// </summary>
public static class ExportFolder
{
    private static readonly string[] Extensions = [".csv", ".tsv", ".txt", ".xlsx"];

    /// <summary>True for a name the ingestor can read (<c>.csv</c>, <c>.tsv</c>, <c>.txt</c>, <c>.xlsx</c>).</summary>
    public static bool IsExportFileName(string fileName) =>
        !Path.GetFileName(fileName).StartsWith('.')
        && !Path.GetFileName(fileName).StartsWith("~$", StringComparison.Ordinal)
        && Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every export file under <paramref name="root"/>, in ingestion order.</summary>
    public static IReadOnlyList<ExportFile> Find(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var full = Path.GetFullPath(root);
        var files = new List<ExportFile>();
        foreach (var path in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
        {
            if (!IsExportFileName(path))
            {
                continue;
            }

            var relative = Path.GetRelativePath(full, path).Replace('\\', '/');
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            ExportKind? kind = slash > 0 && ExportKinds.TryParse(relative[..slash], out var parsed) ? parsed : null;
            files.Add(new ExportFile(relative, path, kind, slash > 0 ? relative[..slash] : null));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }
}
