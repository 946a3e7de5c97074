using System.Text;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Detects a text file's encoding: a byte order mark (UTF-8, UTF-16 LE/BE), else UTF-8 when every byte sequence
/// is valid UTF-8, else Windows-1252. NUL bytes or a high share of control bytes in the first 64 KiB mean the
/// file is not text.
/// </summary>
internal static class TextSniffer
{
    private const int SampleSize = 64 * 1024;

    static TextSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TextSniff Sniff(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var sample = new byte[SampleSize];
        var length = stream.ReadAtLeast(sample, SampleSize, throwOnEndOfStream: false);
        var head = sample.AsSpan(0, length);

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Utf16(head[2..], new UnicodeEncoding(bigEndian: false, byteOrderMark: true), "utf-16le");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Utf16(head[2..], new UnicodeEncoding(bigEndian: true, byteOrderMark: true), "utf-16be");
        }

        var bom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var failure = BinaryFailure(head);
        if (failure is not null)
        {
            return new TextSniff(null, "binary", bom, failure);
        }

        stream.Position = 0;
        return IsValidUtf8(stream, cancellationToken)
            ? new TextSniff(new UTF8Encoding(false), "utf-8", bom, null)
            : new TextSniff(Encoding.GetEncoding(1252), "windows-1252", false, null);
    }

    private static TextSniff Utf16(ReadOnlySpan<byte> body, UnicodeEncoding encoding, string name)
    {
        var chars = encoding.GetString(body[..(body.Length & ~1)]);
        var controls = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (IsControl(chars[i]) && (chars[i] == '\0' || ++controls > Math.Max(8, chars.Length / 100)))
            {
                return new TextSniff(null, "binary", true, $"the file is not text (binary content at byte {2 + (i * 2)})");
            }
        }

        return new TextSniff(encoding, name, true, null);
    }

    private static string? BinaryFailure(ReadOnlySpan<byte> head)
    {
        var nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            return $"the file is not text (binary content at byte {nul})";
        }

        var controls = 0;
        var first = -1;
        for (var i = 0; i < head.Length; i++)
        {
            if (IsControl((char)head[i]))
            {
                first = first < 0 ? i : first;
                controls++;
            }
        }

        return controls > Math.Max(8, head.Length / 100)
            ? $"the file is not text (binary content at byte {first})"
            : null;
    }

    private static bool IsControl(char c) => c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f');

    private static bool IsValidUtf8(Stream stream, CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 20];
        var chars = new char[(1 << 20) + 4];
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _ = decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }

            _ = decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
