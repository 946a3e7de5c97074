using System.Globalization;
using Centric.Engine.Ingestion;

namespace Centric.Functions.Hosting;

/// <summary>
/// The largest request body an upload may have, from the app setting <c>maxUploadBytes</c> (default 100 MB). The
/// local host's proxy, the handler's Kestrel limit and the upload endpoint all read this one setting.
/// </summary>
public static class UploadLimit
{
    public const string SettingName = "maxUploadBytes";

    public const long DefaultBytes = WorkbookLimits.DefaultUploadBytes;

    /// <summary>The setting's value: a positive whole number of bytes, else the default (read as ingestion reads it).</summary>
    public static long From(string? setting) => WorkbookLimits.UploadBytesFrom(setting);

    /// <summary>The limit in words, e.g. "100 MB (104857600 bytes)".</summary>
    public static string Describe(long bytes) =>
        bytes % (1024 * 1024) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024 / 1024} MB ({bytes} bytes)")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    /// <summary>What a client is told when its body is over the limit.</summary>
    public static string TooLargeDetail(long bytes) =>
        $"The upload limit is {Describe(bytes)}. Drop larger files straight into the exports container " +
        "(exports/{dataset}/{kind}/file.csv); the scan picks them up.";
}
