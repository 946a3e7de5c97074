using System.Text;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Reads delimited records with RFC 4180 quoting (<c>""</c> escapes, delimiters and line breaks inside quotes).
/// A record's line is the physical line it starts on (the header is line 1); lines end at <c>\n</c>, <c>\r</c> or
/// <c>\r\n</c>. Lines are found in a reused character buffer and only the fields become strings: a line without
/// quotes is never copied whole, and <see cref="TryRead(FieldRow)"/> gives its fields as ranges of that buffer with
/// no string at all.
/// </summary>
internal sealed class DelimitedRecordReader(TextReader reader, char delimiter)
{
    private readonly List<string> fields = [];
    private readonly FieldRow row = new();
    private readonly StringBuilder quoted = new();
    private char[] buffer = new char[1 << 16];
    private int start;
    private int end;
    private bool drained;
    private long nextLine = 1;

    public bool TryRead(out SourceRecord record)
    {
        if (!TryRead(row))
        {
            record = default;
            return false;
        }

        record = row.ToRecord();
        return true;
    }

    /// <summary>Reads the next record into <paramref name="target"/> without making strings of an unquoted line's
    /// fields; false at the end of the input.</summary>
    public bool TryRead(FieldRow target)
    {
        if (!TryReadLine(out var span, out var offset))
        {
            return false;
        }

        var first = nextLine++;
        if (span.IndexOf('"') < 0)
        {
            target.Start(first, buffer);
            var at = 0;
            while (true)
            {
                var next = span[at..].IndexOf(delimiter);
                if (next < 0)
                {
                    target.Add(offset + at, span.Length - at);
                    return true;
                }

                target.Add(offset + at, next);
                at += next + 1;
            }
        }

        var line = span.ToString();
        fields.Clear();
        while (!TrySplitQuoted(line, atEnd: false))
        {
            if (!TryReadLine(out var more, out _))
            {
                // An unterminated quote runs to the end of the file: keep what was read so the row is rejected.
                _ = TrySplitQuoted(line, atEnd: true);
                break;
            }

            nextLine++;
            line = string.Concat(line, "\n", more);
        }

        target.Load(first, fields, null);
        return true;
    }

    /// <summary>The next line without its line break, valid until the next read; false at the end of the input
    /// (a final line break does not start another line).</summary>
    private bool TryReadLine(out ReadOnlySpan<char> line, out int offset)
    {
        var scanned = 0;
        while (true)
        {
            var at = buffer.AsSpan(start + scanned, end - start - scanned).IndexOfAny('\r', '\n');
            if (at >= 0)
            {
                var stop = start + scanned + at;
                if (buffer[stop] == '\r' && stop + 1 == end && !drained)
                {
                    // Whether a \n follows this \r is in the next block.
                    scanned = stop - start;
                    Fill();
                    continue;
                }

                line = buffer.AsSpan(start, stop - start);
                offset = start;
                start = buffer[stop] == '\r' && stop + 1 < end && buffer[stop + 1] == '\n' ? stop + 2 : stop + 1;
                return true;
            }

            if (drained)
            {
                line = buffer.AsSpan(start, end - start);
                offset = start;
                var any = end > start;
                start = end;
                return any;
            }

            scanned = end - start;
            Fill();
        }
    }

    /// <summary>Moves the unread part to the front (growing the buffer when a line fills it) and reads more.</summary>
    private void Fill()
    {
        var unread = end - start;
        if (unread == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        if (start > 0)
        {
            buffer.AsSpan(start, unread).CopyTo(buffer);
            start = 0;
            end = unread;
        }

        var read = reader.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            drained = true;
        }

        end += read;
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
