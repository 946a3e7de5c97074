using Centric.Domain.Exports;

namespace Centric.Engine.Local;

/// <summary>One export file found in a local exports folder.</summary>
/// <param name="RelativePath">Path under the exports folder with <c>/</c> separators (<c>orders/2026-10.csv</c>).</param>
/// <param name="FullPath">Absolute path on disk.</param>
/// <param name="FolderKind">The kind named by the file's folder; null for top-level files (prefix or header tells) and
/// for a folder that names no kind.</param>
/// <param name="Folder">The file's first folder (<c>orders</c>, <c>invoices</c>); null for top-level files.</param>
public sealed record ExportFile(string RelativePath, string FullPath, ExportKind? FolderKind, string? Folder = null);
