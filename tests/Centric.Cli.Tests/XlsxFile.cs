using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Centric.Cli.Tests;

/// <summary>Writes a one-sheet Excel workbook whose cells are inline strings, as spreadsheet exports often are.</summary>
internal static class XlsxFile
{
    public static void Write(string path, params string[][] rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var row in rows)
        {
            data.AppendChild(new Row(row.Select(value => new Cell
            {
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(value)),
            })));
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet
        {
            Id = workbook.GetIdOfPart(sheetPart),
            SheetId = 1,
            Name = "Sheet1",
        }));
    }
}
