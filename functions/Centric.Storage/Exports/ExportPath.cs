using System.Text.RegularExpressions;

namespace Centric.Storage.Exports;

/// <summary>
/// Where a blob sits in the <c>exports</c> container: <c>{dataset}/{kind}/{anything}</c>, or <c>{dataset}/{file}</c>
/// whose kind comes from the file name or header. <c>{dataset}/settings.json</c> and <c>mapping.json</c> are
/// configuration, not exports.
/// </summary>
public sealed partial record ExportPath(string Dataset, string? KindFolder, string FileName, string BlobName)
{
    public static bool IsValidDatasetName(string dataset) => DatasetName().IsMatch(dataset);

    public static bool IsConfiguration(string blobName) =>
        blobName.Count(c => c == '/') == 1 && (blobName.EndsWith("/settings.json", StringComparison.OrdinalIgnoreCase)
            || blobName.EndsWith("/mapping.json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Null when the blob is not an export (configuration, a folder placeholder, a bad dataset name).</summary>
    public static ExportPath? TryParse(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var parts = blobName.Split('/');
        if (parts.Length < 2 || IsConfiguration(blobName) || !IsValidDatasetName(parts[0]) || parts[^1].Length == 0)
        {
            return null;
        }

        var kind = parts.Length >= 3 ? parts[1].ToLowerInvariant() : null;
        return new ExportPath(parts[0], kind, parts[^1], blobName);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")]
    private static partial Regex DatasetName();
}
