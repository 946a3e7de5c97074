using System.Text;

namespace Centric.Engine.Ingestion;

/// <summary>
/// Picks the delimiter among <c>,</c> <c>;</c> tab <c>|</c>: the one that splits the header into the most fields
/// while splitting the following sample lines into the same number of fields (quotes respected).
/// </summary>
internal static class DelimiterSniffer
{
    private const int SampleLines = 50;
    private static readonly char[] Candidates = [';', '\t', '|', ','];

    public static char Sniff(string path, Encoding encoding)
    {
        var lines = new List<string>(SampleLines);
        using (var reader = DelimitedSource.Open(path, encoding))
        {
            string? line;
            while (lines.Count < SampleLines && (line = reader.ReadLine()) is not null)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    lines.Add(line);
                }
            }
        }

        if (lines.Count == 0)
        {
            return ',';
        }

        var best = ',';
        var bestScore = (Consistency: -1.0, Fields: 1);
        foreach (var candidate in Candidates)
        {
            var header = CountFields(lines[0], candidate);
            if (header < 2)
            {
                continue;
            }

            var data = lines.Skip(1).ToArray();
            var consistency = data.Length == 0
                ? 1.0
                : data.Count(l => CountFields(l, candidate) == header) / (double)data.Length;
            if (consistency > bestScore.Consistency
                || (consistency.Equals(bestScore.Consistency) && header > bestScore.Fields))
            {
                best = candidate;
                bestScore = (consistency, header);
            }
        }

        return best;
    }

    private static int CountFields(string line, char delimiter)
    {
        var count = 1;
        var inQuotes = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == delimiter && !inQuotes)
            {
                count++;
            }
        }

        return count;
    }
}
