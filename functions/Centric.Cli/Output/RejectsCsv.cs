using System.Text;
using Centric.Domain.Csv;
using Centric.Engine.Local;

namespace Centric.Cli.Output;

/// <summary>
/// Every rejected cell of every file in one CSV, <c>file,line,column,value,reason</c>: each ingestion's own rejects
/// file (<c>line,column,value,reason</c>, already written by <see cref="CsvWriter"/>, values cut to 200 characters
/// with their length stated) with the export's relative path put in front of every record as a <see cref="CsvWriter"/>
/// text cell.
/// </summary>
internal static class RejectsCsv
{
    public const string Header = "file,line,column,value,reason";

    public static void Write(string path, IEnumerable<FileIngestion> ingestions)
    {
        using var writer = OutputFile.CreateText(path);
        new CsvWriter(writer).Header(Header.Split(','));
        foreach (var ingestion in ingestions)
        {
            if (!File.Exists(ingestion.RejectsPath))
            {
                continue;
            }

            var file = CsvWriter.TextField(ingestion.File.RelativePath);
            foreach (var record in Records(ingestion.RejectsPath).Skip(1))
            {
                writer.Write(file);
                writer.Write(',');
                writer.Write(record);
                writer.Write(CsvWriter.NewLine);
            }
        }
    }

    /// <summary>
    /// The file's CSV records, unchanged: a record ends at a CRLF outside quotes, so line breaks inside a quoted value
    /// (a lone CR or LF included) stay exactly as written.
    /// </summary>
    private static IEnumerable<string> Records(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var record = new StringBuilder();
        var quoted = false;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '\r' && reader.Peek() == '\n')
            {
                _ = reader.Read();
                yield return record.ToString();
                record.Clear();
                continue;
            }

            record.Append(c);
        }

        if (record.Length > 0)
        {
            yield return record.ToString();
        }
    }
}
