using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Centric.Functions.Api.OData;

/// <summary>
/// Where the next page of <c>Snapshots</c> starts: after RowKey <see cref="After"/> of <see cref="Dataset"/>'s
/// generation <see cref="Generation"/> (the generation the paging started on, so a recompute in between does not mix
/// generations), with what is left of the client's <c>$skip</c> and <c>$top</c>. Opaque to clients: base64url text.
/// </summary>
internal sealed record SnapshotSkipToken(string Dataset, string Generation, string? After, long Skip, long? Top)
{
    // RowKeys percent-encode control characters, so a line feed never occurs inside a part.
    private const char Separator = '\n';

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(
        Separator,
        Dataset,
        Generation,
        After ?? "",
        Skip.ToString(CultureInfo.InvariantCulture),
        Top?.ToString(CultureInfo.InvariantCulture) ?? "")));

    public static SnapshotSkipToken? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(Separator);
            if (parts.Length == 5
                && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var skip)
                && (parts[4].Length == 0 || long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                long? top = parts[4].Length == 0 ? null : long.Parse(parts[4], CultureInfo.InvariantCulture);
                return new(parts[0], parts[1], parts[2].Length == 0 ? null : parts[2], skip, top);
            }
        }
        catch (FormatException)
        {
        }

        throw new Microsoft.OData.ODataException("The $skiptoken is not one this service issued; follow @odata.nextLink as given.");
    }
}
