using Centric.Domain.Exports;
using DocumentFormat.OpenXml.Packaging;

namespace Centric.Engine.Ingestion;

/// <summary>Opens a file as records (XLSX by extension or zip signature, else delimited text) and reads its header.</summary>
internal static class SourceOpener
{
    /// <remarks>A workbook is inspected for decompression bombs first (<see cref="WorkbookInspection"/>).</remarks>
    public static OpenedSource Open(string path, string fileName, ExportKind? kind, WorkbookLimits limits, CancellationToken cancellationToken)
    {
        if (IsWorkbook(path, fileName))
        {
            return WorkbookInspection.Refusal(path, limits, cancellationToken) is { } refusal
                ? new OpenedSource(null, "xlsx", '\0', false, refusal)
                : new OpenedSource(new XlsxSource(path, kind, limits), "xlsx", '\0', false, null);
        }

        var sniff = TextSniffer.Sniff(path, cancellationToken);
        if (sniff.Failure is not null || sniff.Encoding is null)
        {
            return new OpenedSource(null, sniff.EncodingName, '\0', sniff.HasBom, sniff.Failure ?? "the file is not text");
        }

        var delimiter = DelimiterSniffer.Sniff(path, sniff.Encoding);
        return new OpenedSource(
            new DelimitedSource(path, sniff.Encoding, delimiter), sniff.EncodingName, delimiter, sniff.HasBom, null);
    }

    /// <summary>The first non-blank record, trimmed; null with the reason when there is none or it cannot be read.</summary>
    public static IReadOnlyList<string>? ReadHeader(IRecordSource source, CancellationToken cancellationToken, out string? failure)
    {
        failure = null;
        try
        {
            foreach (var record in source.Records(cancellationToken))
            {
                if (!record.IsBlank)
                {
                    return record.Fields.Select(f => f.Trim()).ToArray();
                }
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            failure = $"the file is not a readable Excel workbook ({e.Message})";
            return null;
        }
        catch (WorkbookRefusedException e)
        {
            failure = e.Message;
            return null;
        }

        failure = "the file has no header: it holds only blank lines";
        return null;
    }

    /// <summary>The records after the header as one reused <see cref="FieldRow"/> (blank ones included): a text
    /// file's fields stay ranges of its read buffer, a workbook's strings are copied into the row.</summary>
    public static IEnumerable<FieldRow> DataFieldRows(IRecordSource source, CancellationToken cancellationToken)
    {
        var seenHeader = false;
        foreach (var row in Rows(source, cancellationToken))
        {
            if (seenHeader)
            {
                yield return row;
            }
            else if (!row.IsBlank)
            {
                seenHeader = true;
            }
        }
    }

    private static IEnumerable<FieldRow> Rows(IRecordSource source, CancellationToken cancellationToken)
    {
        if (source is DelimitedSource text)
        {
            foreach (var row in text.Rows(cancellationToken))
            {
                yield return row;
            }

            yield break;
        }

        var loaded = new FieldRow();
        foreach (var record in source.Records(cancellationToken))
        {
            loaded.Load(record.Line, record.Fields, record.Typed);
            yield return loaded;
        }
    }

    private static bool IsWorkbook(string path, string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".xlsm", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual("PK\u0003\u0004"u8);
    }
}
