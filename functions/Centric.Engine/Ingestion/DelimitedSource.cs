using System.Text;

namespace Centric.Engine.Ingestion;

/// <summary>A delimited text file read with a known encoding and delimiter.</summary>
internal sealed class DelimitedSource(string path, Encoding encoding, char delimiter) : IRecordSource
{
    public char Delimiter => delimiter;

    public IEnumerable<SourceRecord> Records(CancellationToken cancellationToken)
    {
        using var reader = Open(path, encoding);
        var records = new DelimitedRecordReader(reader, delimiter);
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
