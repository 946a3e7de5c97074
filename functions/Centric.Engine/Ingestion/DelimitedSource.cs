using System.Text;

namespace Centric.Engine.Ingestion;

/// <summary>A delimited text file read with a known encoding and delimiter; <paramref name="kept"/>, when given,
/// names the only fields made into strings after the first non-blank record (the others read as empty).</summary>
internal sealed class DelimitedSource(string path, Encoding encoding, char delimiter, IReadOnlyCollection<int>? kept = null) : IRecordSource
{
    public char Delimiter => delimiter;

    /// <summary>The same file read for <paramref name="columns"/> only, after its header: for a pass that looks at a few
    /// columns of every row.</summary>
    public DelimitedSource Keeping(IReadOnlyCollection<int> columns) => new(path, encoding, delimiter, columns);

    public IEnumerable<SourceRecord> Records(CancellationToken cancellationToken)
    {
        using var reader = Open(path, encoding);
        var records = new DelimitedRecordReader(reader, delimiter, kept);
        var count = 0;
        while (records.TryRead(out var record))
        {
            if ((++count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            yield return record;
        }
    }

    /// <summary>The records as one <see cref="FieldRow"/> refilled for each (every field kept).</summary>
    public IEnumerable<FieldRow> Rows(CancellationToken cancellationToken)
    {
        using var reader = Open(path, encoding);
        var records = new DelimitedRecordReader(reader, delimiter);
        var row = new FieldRow();
        var count = 0;
        while (records.TryRead(row))
        {
            if ((++count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            yield return row;
        }
    }

    public static StreamReader Open(string path, Encoding encoding) =>
        new(
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16),
            encoding,
            detectEncodingFromByteOrderMarks: true,
            bufferSize: 1 << 16);
}
