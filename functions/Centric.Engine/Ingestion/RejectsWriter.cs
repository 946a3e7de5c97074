using System.Globalization;
using System.Text;

namespace Centric.Engine.Ingestion;

/// <summary>Writes rejected cells as CSV (<c>line,column,value,reason</c>, UTF-8) and keeps the first 100.</summary>
internal sealed class RejectsWriter : IDisposable
{
    public const int SampleSize = 100;
    private readonly StreamWriter writer;
    private readonly List<RejectedRow> sample = [];

    public RejectsWriter(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine("line,column,value,reason");
    }

    public IReadOnlyList<RejectedRow> Sample => sample;

    public void Write(RejectedRow reject)
    {
        if (sample.Count < SampleSize)
        {
            sample.Add(reject);
        }

        writer.Write(reject.Line.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(Escape(reject.Column));
        writer.Write(',');
        writer.Write(Escape(reject.Value));
        writer.Write(',');
        writer.WriteLine(Escape(reject.Reason));
    }

    public void Dispose() => writer.Dispose();

    private static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
