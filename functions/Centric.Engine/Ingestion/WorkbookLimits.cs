using System.Globalization;

namespace Centric.Engine.Ingestion;

/// <summary>
/// How far an Excel workbook may inflate before it is refused as a decompression bomb. A part (one zip entry) may
/// inflate to at most <see cref="MaxPartBytes"/> (20× the upload limit) and, once past
/// <see cref="RatioFloorBytes"/>, at most <see cref="MaxRatio"/> times its compressed size; both are checked on the
/// sizes the zip declares and again on the bytes actually inflated, since declared sizes can lie. Parts read whole
/// (workbook, styles, relationships, content types) may inflate to at most <see cref="MaxWholePartBytes"/>; sheets
/// and shared strings are streamed, and the shared-string table holds at most <see cref="MaxSharedStrings"/> strings
/// of at most <see cref="MaxStringChars"/> characters each (Excel's own cell limit).
/// </summary>
public sealed record WorkbookLimits(long UploadBytes)
{
    /// <summary>The upload limit when the <c>maxUploadBytes</c> setting is absent: 100 MB.</summary>
    public const long DefaultUploadBytes = 100L * 1024 * 1024;

    /// <summary>The default limits, for a 100 MB upload limit.</summary>
    public static readonly WorkbookLimits Default = new(DefaultUploadBytes);

    public long MaxPartBytes => UploadBytes * 20;

    public int MaxRatio { get; init; } = 100;

    /// <summary>Below this many inflated bytes a part's ratio is not judged: small XML parts compress very well.</summary>
    public long RatioFloorBytes { get; init; } = 1024 * 1024;

    public long MaxWholePartBytes { get; init; } = 32L * 1024 * 1024;

    public int MaxSharedStrings { get; init; } = 4_000_000;

    public int MaxStringChars { get; init; } = 32_767;

    /// <summary>The <c>maxUploadBytes</c> setting's value: a positive whole number of bytes, else the default.</summary>
    public static long UploadBytesFrom(string? setting) =>
        long.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0 ? bytes : DefaultUploadBytes;

    /// <summary>A byte count in words, e.g. "2 GB (2147483648 bytes)".</summary>
    public static string Describe(long bytes)
    {
        const long Mb = 1024 * 1024;
        return bytes switch
        {
            >= 1024 * Mb when bytes % (1024 * Mb) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024 / Mb} GB ({bytes} bytes)"),
            >= Mb when bytes % Mb == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / Mb} MB ({bytes} bytes)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        };
    }
}
