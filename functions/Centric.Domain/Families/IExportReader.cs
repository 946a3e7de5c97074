using Centric.Domain.Exports;

namespace Centric.Domain.Families;

/// <summary>
/// Reads the current rows of an export kind (corrections applied: the latest row of each natural key wins), with the
/// canonical columns a family asks for. The engine implements it over the dataset's curated files.
/// </summary>
public interface IExportReader
{
    /// <summary>The current rows of <paramref name="kind"/> with <paramref name="columns"/>; no rows when the dataset has none of that kind.</summary>
    ExportRows Read(ExportKind kind, IReadOnlyList<string> columns);
}
