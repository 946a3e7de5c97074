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
    private readonly StreamWriter writer;
    private readonly CsvWriter csv;
    private readonly List<RejectedRow> sample = [];

    public RejectsWriter(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        csv = new CsvWriter(writer).Header(Header.Split(','));
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

    public void Dispose() => writer.Dispose();
}
