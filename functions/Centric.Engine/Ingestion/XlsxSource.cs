using System.Globalization;
using Centric.Domain.Exports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Centric.Engine.Ingestion;

/// <summary>
/// An Excel workbook as records: the sheet named like the kind, else the first sheet; rows streamed with
/// <see cref="OpenXmlReader"/>; shared and inline strings resolved; numbers in invariant form; serial numbers
/// with a date format read as ISO dates. A record's line is its sheet row number.
/// </summary>
internal sealed class XlsxSource(string path, ExportKind? kind) : IRecordSource
{
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

        var strings = SharedStrings(workbook);
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

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(reader.LoadCurrentElement()?.InnerText ?? string.Empty);
            }
        }

        return strings;
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
