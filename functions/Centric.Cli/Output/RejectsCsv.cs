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

    /// <summary>The file's CSV records, unchanged: a record goes on while a quoted field is open across lines.</summary>
    private static IEnumerable<string> Records(string path)
    {
        var record = new StringBuilder();
        var quotes = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (record.Length > 0 || quotes % 2 == 1)
            {
                record.Append('\n');
            }

            record.Append(line);
            quotes += line.Count(c => c == '"');
            if (quotes % 2 == 0)
            {
                if (record.Length > 0)
                {
                    yield return record.ToString();
                }

                record.Clear();
                quotes = 0;
            }
        }
    }
}
