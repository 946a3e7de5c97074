using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Centric.Engine.Tests.Ingestion;

/// <summary>
/// Turns a real workbook into a decompression bomb on the fly: its shared-string table is rewritten so that it keeps
/// the workbook's own strings first and then repeats one tiny string until the part inflates to
/// a given size, deflated at the highest compression (a few MB on disk). <see cref="DeclareSmall"/>
/// patches the zip's local and central headers to declare the part as small as its compressed size, so only counting the
/// bytes actually inflated can tell.
/// </summary>
public static class WorkbookBomb
{
    public const string SharedStringsPart = "xl/sharedStrings.xml";

    public static void Write(string workbookPath, string bombPath, long inflatedBytes)
    {
        using (var source = ZipFile.OpenRead(workbookPath))
        using (var target = ZipFile.Open(bombPath, ZipArchiveMode.Create))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize);
                using var output = copy.Open();
                if (entry.FullName != SharedStringsPart)
                {
                    using var input = entry.Open();
                    input.CopyTo(output);
                    continue;
                }

                WriteSharedStrings(entry, output, inflatedBytes);
            }
        }
    }

    private static void WriteSharedStrings(ZipArchiveEntry original, Stream output, long inflatedBytes)
    {
        string xml;
        using (var reader = new StreamReader(original.Open(), Encoding.UTF8))
        {
            xml = reader.ReadToEnd();
        }

        var close = xml.LastIndexOf("</x:sst>", StringComparison.Ordinal) is var prefixed and >= 0
            ? prefixed
            : xml.LastIndexOf("</sst>", StringComparison.Ordinal);
        var head = Encoding.UTF8.GetBytes(xml[..close]);
        var tail = Encoding.UTF8.GetBytes(xml[close..]);
        var item = Encoding.UTF8.GetBytes(xml.Contains("<x:si>", StringComparison.Ordinal) ? "<x:si><x:t>x</x:t></x:si>" : "<si><t>x</t></si>");
        var block = new byte[item.Length * 4096];
        for (var i = 0; i < 4096; i++)
        {
            item.CopyTo(block, i * item.Length);
        }

        output.Write(head);
        var written = (long)head.Length + tail.Length;
        while (written + block.Length <= inflatedBytes)
        {
            output.Write(block);
            written += block.Length;
        }

        output.Write(tail);
    }

    /// <summary>Sets the part's declared inflated size, in its local header and its central directory record, to its compressed size.</summary>
    public static void DeclareSmall(string path, string part)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(part);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x02014b50 && Named(bytes, i + 46, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28)), name))
            {
                var compressed = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i + 20));
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), compressed);
                var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i + 42));
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(local + 22), compressed);
                patched++;
            }
        }

        if (patched != 1)
        {
            throw new InvalidOperationException($"expected one central directory record for {part}, found {patched}");
        }

        File.WriteAllBytes(path, bytes);
    }

    private static bool Named(byte[] bytes, int at, int length, byte[] name) =>
        length == name.Length && at + length <= bytes.Length && bytes.AsSpan(at, length).SequenceEqual(name);
}
