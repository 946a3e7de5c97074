using System.Text;
using Centric.Domain.Csv;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Writes rejected cells as CSV (<c>line,column,value,reason</c>, UTF-8, <see cref="CsvWriter"/>) and keeps the
/// first 100. Values longer than 200 characters are cut, with their original length stated in the same
/// <c>value</c> column (<see cref="RejectedValue"/>).
/// </summary>
internal sealed class RejectsWriter : IDisposable
{
    public const int SampleSize = 100;
    public const string Header = "line,column,value,reason";
    private readonly string path;
    private StreamWriter writer;
    private CsvWriter csv;
    private readonly List<RejectedRow> sample = [];

    public RejectsWriter(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        this.path = path;
        (writer, csv) = Open(path);
    }

    public IReadOnlyList<RejectedRow> Sample => sample;

    public void Write(RejectedRow reject)
    {
        var shown = RejectedValue.Shorten(reject);
        if (sample.Count < SampleSize)
        {
            sample.Add(shown);
        }

        csv.Number(shown.Line).Text(shown.Column).Text(shown.Value).Text(shown.Reason).EndRecord();
    }

    /// <summary>Empties the file and the sample, for a file converted again from its first row.</summary>
    public void Restart()
    {
        writer.Dispose();
        sample.Clear();
        (writer, csv) = Open(path);
    }

    public void Dispose() => writer.Dispose();

    private static (StreamWriter Writer, CsvWriter Csv) Open(string path)
    {
        var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        return (writer, new CsvWriter(writer).Header(Header.Split(',')));
    }
}
