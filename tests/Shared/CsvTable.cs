using System.Text;
using System.Text.RegularExpressions;

namespace Centric.Testing;

/// <summary>
/// Reads CSV text strictly as RFC 4180 says, independently of the writer under test: records end with CRLF (a last
/// one may end without it), a quoted field may hold commas, doubled quotes and line breaks, a quote anywhere else or
/// text after a closing quote is malformed and throws. Nothing is trimmed.
/// </summary>
internal static partial class CsvTable
{
    public static IReadOnlyList<string[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("A quoted field is not closed.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                if (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    throw new FormatException($"Text after a closing quote at {i}.");
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                    {
                        throw new FormatException($"A quote inside an unquoted field at {i}.");
                    }

                    field.Append(text[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= text.Length)
            {
                records.Add([.. fields]);
                break;
            }

            if (text[i] == ',')
            {
                i++;
                if (i == text.Length)
                {
                    fields.Add(string.Empty);
                    records.Add([.. fields]);
                }

                continue;
            }

            if (text[i] != '\r' || i + 1 >= text.Length || text[i + 1] != '\n')
            {
                throw new FormatException($"A record does not end with CRLF at {i}.");
            }

            i += 2;
            records.Add([.. fields]);
            fields.Clear();
        }

        return records;
    }

    /// <summary>Whether a spreadsheet would evaluate the cell: it begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a
    /// tab or a carriage return.</summary>
    public static bool StartsFormula(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>A cell a spreadsheet would evaluate as more than a plain number (<c>-12.5</c> is a number, not a formula).</summary>
    public static bool IsFormula(string cell) => StartsFormula(cell) && !PlainNumber().IsMatch(cell);

    /// <summary>Every cell of <paramref name="text"/> that a spreadsheet would evaluate as a formula.</summary>
    public static IReadOnlyList<string> Formulas(string text) => [.. Parse(text).SelectMany(r => r).Where(IsFormula)];

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?(E[-+][0-9]+)?$")]
    private static partial Regex PlainNumber();
}
