using System.Globalization;
using System.Text;
using System.Xml;
using Centric.Domain.Exports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Centric.Engine.Ingestion;

/// <summary>
/// An Excel workbook as records: the sheet named like the kind, else the first sheet; rows streamed with
/// <see cref="OpenXmlReader"/>; shared and inline strings resolved; numbers in invariant form; serial numbers
/// with a date format read as ISO dates. A record's line is its sheet row number. The shared-string table is
/// streamed too, within <see cref="WorkbookLimits"/> (a table past them refuses the file).
/// </summary>
internal sealed class XlsxSource(string path, ExportKind? kind, WorkbookLimits limits) : IRecordSource
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly HashSet<uint> BuiltInDateFormats =
        [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57];

    public IEnumerable<SourceRecord> Records(CancellationToken cancellationToken)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart;
        var sheet = PickSheet(workbook);
        if (workbook is null || sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
        {
            yield break;
        }

        var strings = SharedStrings(workbook, limits, cancellationToken);
        var dateStyles = DateStyles(workbook);
        using var reader = OpenXmlReader.Create(part);
        long next = 1;
        var count = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            if ((++count & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var line = row.RowIndex?.Value is { } index ? (long)index : next;
            next = line + 1;
            var (cells, typed) = Cells(row, strings, dateStyles);
            yield return new SourceRecord(line, cells, typed);
        }
    }

    private Sheet? PickSheet(WorkbookPart? workbook)
    {
        var sheets = workbook?.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (kind is { } k)
        {
            var named = sheets.FirstOrDefault(s => ExportKinds.TryParse(s.Name?.Value, out var sheetKind) && sheetKind == k);
            if (named is not null)
            {
                return named;
            }
        }

        return sheets.FirstOrDefault();
    }

    private static (string[] Cells, bool[] Typed) Cells(Row row, IReadOnlyList<string> strings, HashSet<uint> dateStyles)
    {
        var values = new List<string>();
        var typed = new List<bool>();
        var position = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
            while (values.Count < column)
            {
                values.Add(string.Empty);
                typed.Add(false);
            }

            values.Add(Value(cell, strings, dateStyles));
            typed.Add(cell.DataType?.Value is null || cell.DataType.Value == CellValues.Number);
            position = column + 1;
        }

        return ([.. values], [.. typed]);
    }

    private static string Value(Cell cell, IReadOnlyList<string> strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count
                ? strings[i]
                : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        if (type is not null && type != CellValues.Number)
        {
            return raw;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is > -657435 and < 2958466)
        {
            var ticks = DateTime.FromOADate(number).Ticks;
            var date = new DateTime(
                (ticks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond,
                DateTimeKind.Unspecified);
            return date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        }

        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? exact.ToString(CultureInfo.InvariantCulture)
            : raw;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return Math.Max(0, index - 1);
    }

    /// <summary>
    /// The shared strings, each the text of its <c>t</c> elements (rich-text runs and phonetic runs included, as
    /// Excel's InnerText reads them), streamed with an <see cref="XmlReader"/> so that no string and no part is loaded
    /// whole; more strings, or a longer string, than <paramref name="limits"/> allow refuses the file.
    /// </summary>
    private static List<string> SharedStrings(WorkbookPart workbook, WorkbookLimits limits, CancellationToken cancellationToken)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true };
        using var reader = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), settings);
        var text = new StringBuilder();
        var chunk = new char[4096];
        var inItem = false;
        var textDepth = -1;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "si" && reader.NamespaceURI == Main:
                    inItem = true;
                    text.Clear();
                    if (reader.IsEmptyElement)
                    {
                        Add(strings, string.Empty, limits, cancellationToken);
                        inItem = false;
                    }

                    break;
                case XmlNodeType.Element when inItem && textDepth < 0 && reader.LocalName == "t" && reader.NamespaceURI == Main && !reader.IsEmptyElement:
                    textDepth = reader.Depth;
                    break;
                case XmlNodeType.EndElement when textDepth >= 0 && reader.Depth == textDepth:
                    textDepth = -1;
                    break;
                case XmlNodeType.EndElement when inItem && reader.LocalName == "si" && reader.NamespaceURI == Main:
                    Add(strings, text.ToString(), limits, cancellationToken);
                    inItem = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when textDepth >= 0:
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        text.Append(chunk, 0, read);
                        if (text.Length > limits.MaxStringChars)
                        {
                            throw new WorkbookRefusedException(string.Create(
                                CultureInfo.InvariantCulture,
                                $"shared string {strings.Count} is longer than {limits.MaxStringChars} characters, the most an Excel cell holds"));
                        }
                    }

                    break;
            }
        }

        return strings;
    }

    private static void Add(List<string> strings, string text, WorkbookLimits limits, CancellationToken cancellationToken)
    {
        if (strings.Count >= limits.MaxSharedStrings)
        {
            throw new WorkbookRefusedException(string.Create(
                CultureInfo.InvariantCulture, $"the workbook holds more than {limits.MaxSharedStrings} shared strings, the most read"));
        }

        if ((strings.Count & 0xFFFF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        strings.Add(text);
    }

    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var styles = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return styles;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? string.Empty)
            ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (BuiltInDateFormats.Contains(id) || (custom.TryGetValue(id, out var code) && IsDateFormat(code)))
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }

    private static bool IsDateFormat(string code)
    {
        var inQuotes = false;
        var inBrackets = false;
        foreach (var c in code)
        {
            switch (c)
            {
                case '"':
                    inQuotes = !inQuotes;
                    break;
                case '[' when !inQuotes:
                    inBrackets = true;
                    break;
                case ']' when !inQuotes:
                    inBrackets = false;
                    break;
                default:
                    if (!inQuotes && !inBrackets && char.ToLowerInvariant(c) is 'y' or 'd' or 'h' or 's')
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }
}
