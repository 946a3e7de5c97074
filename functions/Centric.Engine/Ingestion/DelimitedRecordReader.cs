using System.Text;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Reads delimited records with RFC 4180 quoting (<c>""</c> escapes, delimiters and line breaks inside quotes).
/// A record's line is the physical line it starts on (the header is line 1).
/// </summary>
internal sealed class DelimitedRecordReader(TextReader reader, char delimiter)
{
    private readonly List<string> fields = [];
    private readonly StringBuilder quoted = new();
    private long nextLine = 1;

    public bool TryRead(out SourceRecord record)
    {
        record = default;
        var line = reader.ReadLine();
        if (line is null)
        {
            return false;
        }

        var start = nextLine++;
        if (line.IndexOf('"', StringComparison.Ordinal) < 0)
        {
            record = new SourceRecord(start, line.Split(delimiter));
            return true;
        }

        fields.Clear();
        while (!TrySplitQuoted(line, atEnd: false))
        {
            var more = reader.ReadLine();
            if (more is null)
            {
                // An unterminated quote runs to the end of the file: keep what was read so the row is rejected.
                _ = TrySplitQuoted(line, atEnd: true);
                break;
            }

            nextLine++;
            line = string.Concat(line, "\n", more);
        }

        record = new SourceRecord(start, [.. fields]);
        return true;
    }

    /// <summary>Splits a line with quotes into <see cref="fields"/>; false when a quote is still open at its end
    /// (unless <paramref name="atEnd"/>: then the open field takes the rest of the input).</summary>
    private bool TrySplitQuoted(string line, bool atEnd)
    {
        fields.Clear();
        var i = 0;
        while (true)
        {
            quoted.Clear();
            var inQuotes = false;
            var wasQuoted = false;
            while (i < line.Length)
            {
                var c = line[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            quoted.Append('"');
                            i += 2;
                            continue;
                        }

                        inQuotes = false;
                        i++;
                        continue;
                    }

                    quoted.Append(c);
                    i++;
                    continue;
                }

                if (c == delimiter)
                {
                    break;
                }

                if (c == '"' && (quoted.Length == 0 || IsBlank(quoted)) && !wasQuoted)
                {
                    quoted.Clear();
                    inQuotes = true;
                    wasQuoted = true;
                    i++;
                    continue;
                }

                quoted.Append(c);
                i++;
            }

            if (inQuotes && !atEnd)
            {
                return false;
            }

            fields.Add(quoted.ToString());
            if (i >= line.Length)
            {
                return true;
            }

            i++;
        }
    }

    private static bool IsBlank(StringBuilder builder)
    {
        for (var i = 0; i < builder.Length; i++)
        {
            if (!char.IsWhiteSpace(builder[i]))
            {
                return false;
            }
        }

        return true;
    }
}
