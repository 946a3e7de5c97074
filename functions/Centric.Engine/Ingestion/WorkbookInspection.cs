using System.Globalization;
using System.IO.Compression;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Looks inside an Excel workbook's zip before any part is parsed: every entry's declared inflated size and ratio,
/// then every entry inflated once into a counting buffer (nothing kept) and stopped as soon as it passes a limit.
/// A part over a limit refuses the whole file as a decompression bomb.
/// </summary>
internal static class WorkbookInspection
{
    /// <summary>Null when the workbook is within <paramref name="limits"/>, else why it is refused.</summary>
    public static string? Refusal(string path, WorkbookLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries)
            {
                if (Judge(entry.FullName, entry.Length, entry.CompressedLength, limits, "declares") is { } declared)
                {
                    return declared;
                }
            }

            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var stream = entry.Open();
                long inflated = 0;
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    inflated += read;
                    if (Judge(entry.FullName, inflated, entry.CompressedLength, limits, "inflates to more than") is { } actual)
                    {
                        return actual;
                    }
                }
            }

            return null;
        }
        catch (InvalidDataException e)
        {
            return $"the file is not a readable Excel workbook ({e.Message})";
        }
    }

    private static string? Judge(string name, long inflated, long compressed, WorkbookLimits limits, string verb)
    {
        var prefix = $"refused as a decompression bomb: the part '{name}' {verb} {WorkbookLimits.Describe(inflated)}";
        if (inflated > limits.MaxPartBytes)
        {
            return $"{prefix}, past the limit of {WorkbookLimits.Describe(limits.MaxPartBytes)} (20× the upload limit of {WorkbookLimits.Describe(limits.UploadBytes)})";
        }

        if (inflated > limits.RatioFloorBytes && inflated > compressed * limits.MaxRatio)
        {
            var ratio = compressed > 0 ? (inflated / compressed).ToString(CultureInfo.InvariantCulture) : "∞";
            return $"{prefix} from {WorkbookLimits.Describe(compressed)} compressed ({ratio}:1), past the limit of {limits.MaxRatio.ToString(CultureInfo.InvariantCulture)}:1";
        }

        if (inflated > limits.MaxWholePartBytes && !IsStreamed(name))
        {
            return $"{prefix}, past the limit of {WorkbookLimits.Describe(limits.MaxWholePartBytes)} for a part that is read whole";
        }

        return null;
    }

    /// <summary>Parts read as a stream (sheets, shared strings) or not read at all (media, embedded files, printer settings).</summary>
    private static bool IsStreamed(string name) =>
        !(name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
        || name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
        || name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
}
