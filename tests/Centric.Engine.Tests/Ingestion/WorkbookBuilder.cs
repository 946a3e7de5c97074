using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Centric.Engine.Tests.Ingestion;

/// <summary>Builds real .xlsx files: sheets of rows where a string is a shared string, a decimal a number, and
/// a DateTime a serial number styled as a date (style 1, built-in format 14) or date-time (style 2, custom).</summary>
public sealed class WorkbookBuilder
{
    private readonly List<(string Name, object?[][] Rows)> sheets = [];

    public WorkbookBuilder Sheet(string name, params object?[][] rows)
    {
        sheets.Add((name, rows));
        return this;
    }

    public void Save(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy hh:mm" }),
            new Fonts(new Font()),
            new Fills(new Fill()),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat { NumberFormatId = 0 },
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }));

        uint sheetId = 1;
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, rows) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var cell = Cell(rows[r][c], strings.SharedStringTable, shared);
                    if (cell is not null)
                    {
                        cell.CellReference = $"{(char)('A' + c)}{r + 1}";
                        row.Append(cell);
                    }
                }

                data.Append(row);
            }

            part.Worksheet = new Worksheet(data);
            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = name });
        }
    }

    private static Cell? Cell(object? value, SharedStringTable table, Dictionary<string, int> shared)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                if (!shared.TryGetValue(text, out var index))
                {
                    index = shared.Count;
                    shared[text] = index;
                    table.Append(new SharedStringItem(new Text(text)));
                }

                return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index) };
            case DateTime date:
                return new Cell
                {
                    StyleIndex = date.TimeOfDay == TimeSpan.Zero ? 1U : 2U,
                    CellValue = new CellValue(date.ToOADate()),
                };
            case decimal number:
                return new Cell { CellValue = new CellValue(number) };
            default:
                throw new ArgumentException($"unsupported cell value {value}", nameof(value));
        }
    }
}
