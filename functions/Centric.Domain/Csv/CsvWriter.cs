using System.Buffers;
using System.Globalization;

namespace Centric.Domain.Csv;

/// <summary>
/// The one writer of every CSV Centric produces (API <c>format=csv</c>, rejects, scores, cohorts, CLI outputs):
/// RFC 4180 records (comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a line break,
/// quotes doubled) that are safe to open in a spreadsheet.
/// </summary>
/// <remarks>
/// A cell is written as text or as a number, and the two are treated differently. A text cell that begins with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return would be evaluated as a formula by Excel and
/// its kin (CSV injection), so it is written quoted with a <c>'</c> in front (<c>"'=1+2"</c>), as OWASP advises;
/// the spreadsheet then shows it as the text it is. Number cells are invariant-culture numbers and are never
/// prefixed, so <c>-12.5</c> stays a negative number; a text cell that is a plain negative number (<c>-1</c>, a rejected
/// score as written) is left as it is too, since no spreadsheet evaluates it. Empty and null cells are empty fields. The JSON outputs keep
/// every value exactly as it was; only CSV cells are neutralised.
/// </remarks>
public sealed class CsvWriter
{
    /// <summary>The record separator, CRLF as RFC 4180 says.</summary>
    public const string NewLine = "\r\n";

    /// <summary>Put in front of a text cell that a spreadsheet would read as a formula.</summary>
    public const char FormulaGuard = '\'';

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly TextWriter writer;
    private bool inRecord;

    public CsvWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        this.writer = writer;
    }

    /// <summary>Whether a spreadsheet would evaluate a text cell that begins with <paramref name="first"/>.</summary>
    public static bool StartsFormula(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// The text cell as it is written: unchanged when plain; quoted (quotes doubled) when it holds a comma, a quote
    /// or a line break; quoted with a leading <c>'</c> when it begins as a formula would.
    /// </summary>
    public static string TextField(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var formula = StartsFormula(text[0]) && !IsPlainNegativeNumber(text);
        if (!formula && text.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            return text;
        }

        var escaped = text.Replace("\"", "\"\"", StringComparison.Ordinal);
        return formula ? "\"" + FormulaGuard + escaped + "\"" : "\"" + escaped + "\"";
    }

    /// <summary>
    /// Whether a text cell is a plain negative number (<c>-1</c>, <c>-12.50</c>): a spreadsheet reads it as the number
    /// it is, never as a formula, so a rejected value such as a score of <c>-1</c> is echoed as written.
    /// </summary>
    private static bool IsPlainNegativeNumber(string text)
    {
        if (text.Length < 2 || text[0] != '-')
        {
            return false;
        }

        var digits = 0;
        var points = 0;
        foreach (var c in text.AsSpan(1))
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '.' && digits > 0 && points == 0)
            {
                points++;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && text[^1] != '.';
    }

    /// <summary>A header record: each name a text cell.</summary>
    public CsvWriter Header(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            Text(name);
        }

        return EndRecord();
    }

    /// <summary>A text cell (see <see cref="TextField"/>); empty for null.</summary>
    public CsvWriter Text(string? value) => Field(TextField(value));

    /// <summary>A number cell, invariant culture; empty for null.</summary>
    public CsvWriter Number(decimal? value) => Field(value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);

    /// <summary>A number cell in round-trip form; empty for null and for values that are not finite.</summary>
    public CsvWriter Number(double? value) =>
        Field(value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty);

    /// <summary>A whole-number cell.</summary>
    public CsvWriter Number(long value) => Field(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A day as <c>yyyy-MM-dd</c>.</summary>
    public CsvWriter Day(DateOnly value) => Field(DayField(value));

    /// <summary>An instant in ISO 8601 round-trip form.</summary>
    public CsvWriter Instant(DateTimeOffset value) => Field(value.ToString("O", CultureInfo.InvariantCulture));

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public CsvWriter Boolean(bool value) => Field(value ? "true" : "false");

    /// <summary>
    /// Fields already encoded as this writer encodes them (by <see cref="TextField"/>, <see cref="DayField"/> or a number's
    /// invariant form), several joined by commas: for a writer that encodes a repeated cell once and writes it many times.
    /// </summary>
    public CsvWriter Encoded(string fields) => Field(fields);

    /// <summary>A day cell as <see cref="Day"/> writes it.</summary>
    public static string DayField(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Ends the record with CRLF.</summary>
    public CsvWriter EndRecord()
    {
        writer.Write(NewLine);
        inRecord = false;
        return this;
    }

    private CsvWriter Field(string encoded)
    {
        if (inRecord)
        {
            writer.Write(',');
        }

        writer.Write(encoded);
        inRecord = true;
        return this;
    }
}
